using System.Text.Json;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// What every emulated server agrees on about JSON request bodies: property names match case-insensitively
/// (ASP.NET and ServiceStack both bind them that way); which media types are JSON is in <see cref="MediaTypes"/>.
/// How a bad body is answered is each vendor's own business.
/// </summary>
internal static class JsonBody
{
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
