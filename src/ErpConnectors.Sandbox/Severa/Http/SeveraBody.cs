using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>
/// Reading JSON request bodies as the vendor's ASP.NET server does: a JSON media type or 415, valid JSON or
/// 400, property names matched case-insensitively.
/// </summary>
internal static class SeveraBody
{
    public static async Task<JsonElement> ReadAsync(HttpContext context)
    {
        var contentType = context.Request.ContentType;
        if (!IsJson(contentType))
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

    /// <summary>application/json, text/json or any application/*+json (application/json-patch+json among them).</summary>
    public static bool IsJson(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? string.Empty;
        return string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "text/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A property of a JSON object by case-insensitive name.</summary>
    public static bool TryGet(this JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}
