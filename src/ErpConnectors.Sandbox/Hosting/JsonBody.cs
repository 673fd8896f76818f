using System.Text.Json;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// What every emulated server agrees on about JSON request bodies: property names match case-insensitively
/// (ASP.NET and ServiceStack both bind them that way); which media types are JSON is in <see cref="MediaTypes"/>.
/// How a bad body is answered is each vendor's own business.
/// </summary>
internal static class JsonBody
{
    /// <summary>
    /// The request body as JSON: a JSON media type, else the vendor's <paramref name="unsupportedMediaType"/>
    /// error (given the Content-Type); valid JSON, else its <paramref name="invalidJson"/> error (given the parser's message).
    /// </summary>
    public static async Task<JsonElement> ReadAsync(HttpContext context, Func<string?, Exception> unsupportedMediaType, Func<string, Exception> invalidJson)
    {
        var contentType = context.Request.ContentType;
        if (!MediaTypes.IsJson(contentType))
        {
            throw unsupportedMediaType(contentType);
        }

        return await ParseAsync(context, invalidJson).ConfigureAwait(false);
    }

    /// <summary>
    /// The request body as JSON whatever its Content-Type (a PHP server reading php://input does not look at
    /// it); valid JSON, else the vendor's <paramref name="invalidJson"/> error (given the parser's message).
    /// </summary>
    public static async Task<JsonElement> ParseAsync(HttpContext context, Func<string, Exception> invalidJson)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw invalidJson(e.Message);
        }
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
