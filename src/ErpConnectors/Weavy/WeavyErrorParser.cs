using System.Linq;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Weavy;

/// <summary>
/// Weavy's error answer (chosen shape: the document's is cut): {"error":{"code","message","details":[{"field","message"}]}}.
/// Anything else falls back to the body's text.
/// </summary>
internal sealed class WeavyErrorParser : IErrorParser
{
    public VendorError? Parse(HttpStatusCode status, string body, HttpResponseHeaders headers)
    {
        string text = body.Trim();
        if (!text.StartsWith("{", System.StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        if (!document.RootElement.TryGetProperty("error", out JsonElement error) || error.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        string message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? string.Empty : string.Empty;
        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            message = VendorMessage.Join(message, details.EnumerateArray().Select(d =>
                (d.TryGetProperty("field", out var f) ? f.ToString() : null, d.TryGetProperty("message", out var dm) ? dm.ToString() : null)));
        }

        return new VendorError(message.Length > 0 ? message : code ?? string.Empty, code);
    }
}
