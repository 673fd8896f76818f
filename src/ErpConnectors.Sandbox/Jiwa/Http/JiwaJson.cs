using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>
/// JSON as the Jiwa server writes it: PascalCase names as the DTOs declare them, nulls written out (the
/// contract's AutoQuery answer carries "ResponseStatus":null), dates without offset, decimals as numbers.
/// </summary>
internal static class JiwaJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JiwaDateTimeConverter() },
    };

    public static IResult Ok(object value) => Results.Json(value, Options, ContentType);

    /// <summary>201: what a successful POST answers (the vendor: "Will be returned for successful POST operations").</summary>
    public static IResult Created(object value) => Results.Json(value, Options, ContentType, StatusCodes.Status201Created);

    /// <summary>{"ResponseStatus":{}}: the body of an answer that carries nothing else.</summary>
    public static IResult Status() => Ok(new StatusOnly(new EmptyStatus()));

    private sealed record StatusOnly(EmptyStatus ResponseStatus);
}

/// <summary>ResponseStatus of a successful answer: an empty object.</summary>
internal sealed record EmptyStatus;
