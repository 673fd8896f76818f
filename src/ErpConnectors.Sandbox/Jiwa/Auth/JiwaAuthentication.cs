using ErpConnectors.Sandbox.Jiwa.Http;

namespace ErpConnectors.Sandbox.Jiwa.Auth;

/// <summary>
/// Who sent a request. A session may come as the cookie ss-id or the header X-ss-id (choice: either one naming a
/// live session is enough, so a stale cookie next to a fresh header does not fail the request). Without a live
/// session, an API key: the header "Authorization: Bearer &lt;key&gt;", or the query parameter apikey, which the
/// vendor documents too.
/// </summary>
internal static class JiwaAuthentication
{
    public const string SessionCookie = "ss-id";
    public const string SessionHeader = "X-ss-id";
    public const string ApiKeyParameter = "apikey";

    /// <summary>The caller, or null when the request names no live session and no API key; a revoked key throws 401.</summary>
    public static JiwaCaller? Identify(HttpContext context, SessionStore sessions)
    {
        foreach (var id in SessionIds(context))
        {
            if (sessions.Find(id) is { } session)
            {
                return JiwaCaller.OfSession(session.Id, session.UserName);
            }
        }

        if (ApiKey(context) is not { } key)
        {
            return null;
        }

        return ApiKeys.Check(key) switch
        {
            ApiKeyState.Valid => JiwaCaller.OfApiKey(key, SandboxCredentials.JiwaUserName),
            ApiKeyState.Revoked => throw JiwaErrors.ApiKeyRevoked(),
            _ => null,
        };
    }

    /// <summary>The session ids the request names, cookie first.</summary>
    public static IEnumerable<string> SessionIds(HttpContext context)
    {
        if (context.Request.Cookies.TryGetValue(SessionCookie, out var cookie) && cookie.Length > 0)
        {
            yield return cookie;
        }

        var header = context.Request.Headers[SessionHeader].ToString();
        if (header.Length > 0)
        {
            yield return header;
        }
    }

    private static string? ApiKey(HttpContext context)
    {
        const string Bearer = "Bearer ";
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[Bearer.Length..].Trim();
        }

        var query = context.Request.Query[ApiKeyParameter].ToString();
        return query.Length > 0 ? query : null;
    }
}
