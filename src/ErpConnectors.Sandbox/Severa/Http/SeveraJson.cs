using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>camelCase, nulls written out (the vendor's models always carry every property).</summary>
internal static class SeveraJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // Write '+' in timestamps and tokens as is, like the vendor's serializer; the default escapes it.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IResult Ok(object value) => Results.Json(value, Options, "application/json; charset=utf-8");

    public static IResult Created(object value, string location)
    {
        return new CreatedJsonResult(value, location);
    }

    private sealed class CreatedJsonResult(object value, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status201Created;
            httpContext.Response.Headers.Location = location;
            return httpContext.Response.WriteAsJsonAsync(value, value.GetType(), Options, "application/json; charset=utf-8", httpContext.RequestAborted);
        }
    }
}
