using Microsoft.Net.Http.Headers;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>Content-Type tests every emulated server makes (parameters such as charset ignored).</summary>
internal static class MediaTypes
{
    /// <summary>application/json, text/json or any application/*+json (application/json-patch+json among them).</summary>
    public static bool IsJson(string? contentType)
    {
        var type = MediaType(contentType);
        return string.Equals(type, "application/json", StringComparison.OrdinalIgnoreCase)
            || string.Equals(type, "text/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsUrlEncodedForm(string? contentType) =>
        string.Equals(MediaType(contentType), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static string MediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) ? media.MediaType.Value ?? string.Empty : string.Empty;
}
