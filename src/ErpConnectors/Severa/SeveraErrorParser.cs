using System.Linq;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Severa;

/// <summary>
/// Severa's error shape: {"error":{"httpStatusCode","type","details":[{"message","location"}]}}. A 403 also names
/// the scopes needed and held in headers, which is what the person has to fix; a 429 is plain text.
/// </summary>
internal sealed class SeveraErrorParser : IErrorParser
{
    public VendorError? Parse(HttpStatusCode status, string body, HttpResponseHeaders headers)
    {
        string? scopes = ScopeHint(headers);
        string text = body.Trim();
        if (!text.StartsWith("{", System.StringComparison.Ordinal))
        {
            // Plain text (a 429) needs nothing Severa-specific: the mapper's fallback shows it (and drops an HTML
            // page). Only the scope hint is added here, and it counts even without a body.
            if (scopes is null)
            {
                return null;
            }

            bool readable = text.Length > 0 && !text.StartsWith("<", System.StringComparison.Ordinal);
            return new VendorError(((readable ? text : string.Empty) + scopes).Trim());
        }

        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("error", out JsonElement error) || error.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? type = error.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var messages = error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array
            ? details.EnumerateArray().Select(Describe).Where(m => m.Length > 0).ToArray()
            : System.Array.Empty<string>();
        string message = messages.Length > 0 ? string.Join(" ", messages) : type ?? string.Empty;
        string? action = type switch
        {
            "InsufficientApiScope" => "Connect again with -Scope including the scope named in the message.",
            "AuthenticationRequired" => "Check the client id and secret (Severa: Settings > REST API) and the requested scopes.",
            _ => null,
        };
        return new VendorError(message + scopes, type, action);
    }

    private static string Describe(JsonElement detail)
    {
        string message = detail.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? string.Empty : string.Empty;
        string? location = detail.TryGetProperty("location", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
        return string.IsNullOrEmpty(location) ? message : $"{message} (at '{location}')";
    }

    private static string? ScopeHint(HttpResponseHeaders headers)
    {
        string? accepted = headers.TryGetValues("X-Accepted-OAuth-Scopes", out var a) ? string.Join(" ", a) : null;
        string? held = headers.TryGetValues("X-OAuth-Scopes", out var h) ? string.Join(" ", h) : null;
        if (accepted is null && held is null)
        {
            return null;
        }

        return $" [scopes accepted: {accepted ?? "?"}; scopes held: {held ?? "?"}]";
    }
}
