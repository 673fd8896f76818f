using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>
/// Reading JSON request bodies as the vendor's ASP.NET server does: a JSON media type or 415, valid JSON or
/// 400, property names matched case-insensitively (<see cref="JsonBody.TryGet"/>).
/// </summary>
internal static class SeveraBody
{
    public static async Task<JsonElement> ReadAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (!MediaTypes.IsJson(contentType))
        {
            throw SeveraErrors.UnsupportedMediaType(contentType);
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw SeveraErrors.InvalidRequest($"The request body is not valid JSON: {e.Message}");
        }
    }
}
