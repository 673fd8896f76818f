using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ErpConnectors.Sandbox.Hosting;
using Microsoft.Extensions.Primitives;

namespace ErpConnectors.Sandbox.Qics.Auth;

/// <summary>
/// POST oauth2/oauth2/token: grant_type=authorization_code or refresh_token, url-encoded form only (the
/// document: "POST data should be url-encoded"; any other body is 400 invalid_request, chosen). The client
/// authenticates with client_id and client_secret in the form, or with HTTP Basic (RFC 6749 §2.3.1).
/// Answers {"access_token","token_type":"bearer","expires_in","refresh_token"} with Cache-Control: no-store.
/// </summary>
internal static class TokenEndpoint
{
    private static readonly JsonSerializerOptions Json = new();

    public static async Task HandleAsync(HttpContext context, QicsSandbox qics)
    {
        try
        {
            var contentType = context.Request.ContentType;
            if (!MediaTypes.IsUrlEncodedForm(contentType))
            {
                throw new OAuthException(
                    OAuthException.InvalidRequest,
                    $"The token request must be application/x-www-form-urlencoded (grant_type=...&...), not '{contentType ?? "(no Content-Type)"}'.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            var issued = Parameter(form, "grant_type") switch
            {
                "authorization_code" => ExchangeCode(context, form, qics),
                "refresh_token" => Refresh(context, form, qics),
                null => throw new OAuthException(OAuthException.InvalidRequest, "grant_type is missing."),
                var other => throw new OAuthException(OAuthException.UnsupportedGrantType, $"grant_type '{other}' is not supported: authorization_code or refresh_token."),
            };
            await WriteAsync(context, 200, new TokenAnswer(issued.AccessToken, "bearer", issued.ExpiresIn, issued.RefreshToken)).ConfigureAwait(false);
        }
        catch (OAuthException error)
        {
            if (error.StatusCode == 401)
            {
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"QicsMilestones\"";
            }

            await WriteAsync(context, error.StatusCode, new ErrorAnswer(error.Error, error.Message)).ConfigureAwait(false);
        }
    }

    private static IssuedTokens ExchangeCode(HttpContext context, IFormCollection form, QicsSandbox qics)
    {
        qics.CountCodeExchange();
        var client = Authenticate(context, form);
        var code = Required(form, "code");
        var redirectUri = Required(form, "redirect_uri");
        return qics.Tokens.RedeemCode(code, client.ClientId, redirectUri, qics.Options.AccessTokenLifetime);
    }

    private static IssuedTokens Refresh(HttpContext context, IFormCollection form, QicsSandbox qics)
    {
        qics.CountRefreshRequest();
        try
        {
            var client = Authenticate(context, form);
            return qics.Tokens.Refresh(Required(form, "refresh_token"), client.ClientId, qics.Options.AccessTokenLifetime);
        }
        catch (OAuthException)
        {
            qics.CountRejectedRefresh();
            throw;
        }
    }

    /// <summary>The client by HTTP Basic or by client_id + client_secret in the form; 401 invalid_client otherwise.</summary>
    private static QicsOAuthClient Authenticate(HttpContext context, IFormCollection form)
    {
        var (clientId, secret) = BasicCredentials(context) ?? (Parameter(form, "client_id"), Parameter(form, "client_secret"));
        if (QicsOAuthClient.Find(clientId) is { } client && Secrets.Same(client.ClientSecret, secret))
        {
            return client;
        }

        throw new OAuthException(
            OAuthException.InvalidClient,
            clientId is null ? "Client authentication failed: client_id is missing." : "Client authentication failed: unknown client_id or wrong client_secret.");
    }

    private static (string? Id, string? Secret)? BasicCredentials(HttpContext context)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? string.Empty));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (Uri.UnescapeDataString(text[..colon]), Uri.UnescapeDataString(text[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    /// <summary>A form parameter; empty counts as missing, a repeated one is invalid_request (RFC 6749 §3.2).</summary>
    private static string? Parameter(IFormCollection form, string name)
    {
        if (!form.TryGetValue(name, out var values) || StringValues.IsNullOrEmpty(values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw new OAuthException(OAuthException.InvalidRequest, $"{name} is given more than once.");
    }

    private static string Required(IFormCollection form, string name) =>
        Parameter(form, name) ?? throw new OAuthException(OAuthException.InvalidRequest, $"{name} is missing.");

    private static Task WriteAsync<T>(HttpContext context, int statusCode, T body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return context.Response.WriteAsJsonAsync(body, Json, "application/json; charset=utf-8", context.RequestAborted);
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] long ExpiresIn,
        [property: JsonPropertyName("refresh_token")] string RefreshToken);

    private sealed record ErrorAnswer(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string Description);
}
