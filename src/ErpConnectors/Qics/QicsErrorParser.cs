using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Qics;

/// <summary>
/// Two error shapes: OAuth2's {"error":"invalid_grant","error_description":"..."} from the token endpoint, and
/// OData's {"error":{"code","message"}} from the API (a bad $filter's 400 says what is wrong with it).
/// </summary>
internal sealed class QicsErrorParser : IErrorParser
{
    public VendorError? Parse(HttpStatusCode status, string body, HttpResponseHeaders headers)
    {
        string text = body.Trim();
        if (!text.StartsWith("{", System.StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        if (!document.RootElement.TryGetProperty("error", out JsonElement error))
        {
            return null;
        }

        if (error.ValueKind == JsonValueKind.String)
        {
            string code = error.GetString() ?? string.Empty;
            string? description = document.RootElement.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            string? action = code == "invalid_grant"
                ? "The refresh token or code is no longer valid (refresh tokens rotate: only the newest works). Connect-Qics again in a browser, and store the connection's RefreshToken after every run."
                : null;
            // The token endpoint refusing the client or the grant ends the connection: no later call can work.
            bool fatal = code is "invalid_grant" or "invalid_client" or "unauthorized_client";
            return new VendorError(string.IsNullOrEmpty(description) ? code : $"{code}: {description}", code, action, fatal ? System.Management.Automation.ErrorCategory.AuthenticationError : null, fatal);
        }

        if (error.ValueKind == JsonValueKind.Object)
        {
            string? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            string? message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return new VendorError(message ?? code ?? string.Empty, code);
        }

        return null;
    }
}
