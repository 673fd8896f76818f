using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// What every emulated server agrees on about JSON request bodies: which media types are JSON, and that
/// property names match case-insensitively (ASP.NET and ServiceStack both bind them that way). How a bad body
/// is answered is each vendor's own business.
/// </summary>
internal static class JsonBody
{
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
