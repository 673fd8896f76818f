using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>
/// Request bodies as ServiceStack reads them into a request DTO: JSON, property names case-insensitive, unknown
/// properties ignored. Choices: an empty body is an empty DTO ({}), as ServiceStack binds it; a body without a
/// Content-Type is read as JSON (the server's default content type); another media type is refused with 415.
/// </summary>
internal static class JiwaBody
{
    public static async Task<JsonElement> ReadAsync(HttpContext context)
    {
        string text;
        using (var reader = new StreamReader(context.Request.Body))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return EmptyObject;
        }

        var contentType = context.Request.ContentType;
        if (contentType is not null && !MediaTypes.IsJson(contentType))
        {
            throw JiwaErrors.UnsupportedMediaType(contentType);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw JiwaErrors.InvalidJson("the body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw JiwaErrors.InvalidJson(e.Message);
        }
    }

    private static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
