using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Http;

/// <summary>Writes the OData error body {"error":{"code","message","target"?}} (target left out when there is none).</summary>
internal static class ODataErrorWriter
{
    public static Task WriteAsync(HttpContext context, QicsApiException error)
    {
        foreach (var (name, value) in error.Headers)
        {
            context.Response.Headers[name] = value;
        }

        return ODataJson.WriteAsync(
            context,
            error.StatusCode,
            writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("code", error.Code);
                writer.WriteString("message", error.Message);
                if (error.Target is not null)
                {
                    writer.WriteString("target", error.Target);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            },
            ODataJson.ErrorContentType);
    }
}
