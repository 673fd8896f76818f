using System.Net;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace ErpConnectors.Sandbox.Qics.Auth;

/// <summary>
/// GET oauth2/oauth2/auth. The real server shows its login form; the sandbox approves the demo user at once
/// and answers 302 to redirect_uri with code added to its query (redirect_uri's own query parameters kept,
/// as the document says, and state passed through unless <see cref="QicsSandboxOptions.EchoState"/> is off: the
/// document promises only the former). As RFC 6749 §4.1.2.1 orders it: an unknown client or
/// an unacceptable redirect_uri is a 400 page and no redirect (the sandbox must not send a code to a URI it
/// cannot trust); any other problem is a redirect with error=... (and error_description). Other query
/// parameters of the request are ignored.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task HandleAsync(HttpContext context, QicsSandbox qics)
    {
        qics.CountAuthorizationRequest();
        var query = context.Request.Query;
        var clientId = Single(query, "client_id");
        if (QicsOAuthClient.Find(clientId) is not { } client)
        {
            await ErrorPageAsync(context, clientId is null ? "client_id is missing." : $"client_id '{clientId}' is not a registered client.").ConfigureAwait(false);
            return;
        }

        var redirectUri = Single(query, "redirect_uri");
        var redirectProblem = redirectUri is null ? "redirect_uri is missing." : client.RedirectProblem(redirectUri);
        if (redirectProblem is not null)
        {
            await ErrorPageAsync(context, redirectProblem).ConfigureAwait(false);
            return;
        }

        var state = qics.Options.EchoState ? Single(query, "state") : null;
        var responseType = Single(query, "response_type");
        if (responseType != "code")
        {
            Redirect(context, redirectUri!, state, responseType is null
                ? [("error", "invalid_request"), ("error_description", "response_type is missing: use response_type=code.")]
                : [("error", "unsupported_response_type"), ("error_description", $"response_type '{responseType}' is not supported: only the authorization code flow (response_type=code).")]);
            return;
        }

        if (qics.Tokens.TakeDenial())
        {
            Redirect(context, redirectUri!, state, [("error", "access_denied"), ("error_description", "The user denied the authorization request.")]);
            return;
        }

        var code = qics.Tokens.IssueCode(client.ClientId, redirectUri!, qics.Options.AuthorizationCodeLifetime);
        Redirect(context, redirectUri!, state, [("code", code)]);
    }

    /// <summary>A parameter's value; a repeated one counts as missing (RFC 6749 §3.1: at most once).</summary>
    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count == 1 && !StringValues.IsNullOrEmpty(values) ? values[0] : null;

    private static void Redirect(HttpContext context, string redirectUri, string? state, (string Name, string Value)[] parameters)
    {
        var location = new StringBuilder(redirectUri);
        var separator = redirectUri.Contains('?', StringComparison.Ordinal)
            ? (redirectUri.EndsWith('?') || redirectUri.EndsWith('&') ? string.Empty : "&")
            : "?";
        foreach (var (name, value) in state is null ? parameters : [.. parameters, ("state", state)])
        {
            location.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
            separator = "&";
        }

        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = location.ToString();
        context.Response.Headers.CacheControl = "no-store";
    }

    private static Task ErrorPageAsync(HttpContext context, string problem)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = $"<!DOCTYPE html><html><head><title>Authorization failed</title></head><body><h1>Authorization failed</h1><p>{WebUtility.HtmlEncode(problem)}</p></body></html>";
        return context.Response.WriteAsync(html, context.RequestAborted);
    }
}
