using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ErpConnectors.Sandbox.Jiwa.Http;
using Microsoft.Net.Http.Headers;

namespace ErpConnectors.Sandbox.Jiwa.Auth;

/// <summary>
/// ServiceStack's authentication service: /auth and /auth/{provider}, GET or POST. Provider "credentials" (the
/// default) signs in with UserName and Password, from the JSON body or the query string (the vendor documents
/// GET /auth?username=&amp;password= too); "logout" ends the session; another provider is 404, as ServiceStack
/// answers a provider it has no configuration for. GET /auth without credentials answers the caller's current
/// session, or 401. The user name matches case-insensitively (the vendor's examples sign in as "admin" and
/// "Admin"), the password exactly; the answer carries the user name as the server has it.
/// </summary>
internal static class AuthEndpoints
{
    public const string CredentialsProvider = "credentials";
    public const string LogoutProvider = "logout";

    public static void Map(JiwaRoutes routes, JiwaSandbox jiwa)
    {
        foreach (var method in new[] { HttpMethods.Get, HttpMethods.Post })
        {
            routes.Map(method, "/auth", context => AuthenticateAsync(context, jiwa), JiwaRouteInfo.Authentication);
            routes.Map(method, "/auth/{provider}", context => AuthenticateAsync(context, jiwa), JiwaRouteInfo.Authentication);
        }
    }

    private static async Task<IResult> AuthenticateAsync(HttpContext context, JiwaSandbox jiwa)
    {
        var isPost = HttpMethods.IsPost(context.Request.Method);
        var body = isPost ? await JiwaBody.ReadAsync(context).ConfigureAwait(false) : default;
        var input = new JiwaInput("Authenticate");
        string? Value(string name) => (isPost ? input.Text(body, name) : null) ?? NonEmpty(context.Request.Query[name].ToString());

        var provider = context.GetRouteValue("provider") as string ?? Value("provider") ?? CredentialsProvider;
        if (string.Equals(provider, LogoutProvider, StringComparison.OrdinalIgnoreCase))
        {
            return Logout(context, jiwa);
        }

        if (!string.Equals(provider, CredentialsProvider, StringComparison.OrdinalIgnoreCase))
        {
            throw JiwaErrors.UnknownAuthProvider(provider);
        }

        var userName = Value("UserName");
        var password = Value("Password");
        if (!isPost && userName is null && password is null)
        {
            return CurrentSession(context, jiwa);
        }

        jiwa.CountLogin();
        if (string.IsNullOrEmpty(userName))
        {
            input.Fail(JiwaErrors.Empty("UserName"));
        }

        if (string.IsNullOrEmpty(password))
        {
            input.Fail(JiwaErrors.Empty("Password"));
        }

        input.ThrowIfInvalid();
        if (!string.Equals(userName, SandboxCredentials.JiwaUserName, StringComparison.OrdinalIgnoreCase)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password!), Encoding.UTF8.GetBytes(SandboxCredentials.JiwaPassword)))
        {
            throw JiwaErrors.InvalidCredentials();
        }

        // Every sign-in gets a new session id, as ServiceStack's GenerateNewSessionCookiesOnAuthentication does.
        var session = jiwa.Sessions.Start(SandboxCredentials.JiwaUserName);
        context.Response.Headers.Append(HeaderNames.SetCookie, $"{JiwaAuthentication.SessionCookie}={session.Id}; path=/; HttpOnly");
        return Answer(session);
    }

    private static IResult CurrentSession(HttpContext context, JiwaSandbox jiwa)
    {
        foreach (var id in JiwaAuthentication.SessionIds(context))
        {
            if (jiwa.Sessions.Find(id) is { } session)
            {
                return Answer(session);
            }
        }

        throw JiwaErrors.NotAuthenticated();
    }

    /// <summary>Ends the sessions the request names (none is fine: logging out twice is no error) and expires the cookie.</summary>
    private static IResult Logout(HttpContext context, JiwaSandbox jiwa)
    {
        jiwa.CountLogout();
        foreach (var id in JiwaAuthentication.SessionIds(context).ToList())
        {
            jiwa.Sessions.End(id);
        }

        context.Response.Headers.Append(HeaderNames.SetCookie, $"{JiwaAuthentication.SessionCookie}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/; HttpOnly");
        return JiwaJson.Status();
    }

    /// <summary>DisplayName is empty, as in the vendor's sample answers for the api user.</summary>
    private static IResult Answer(JiwaSession session) =>
        JiwaJson.Ok(new AuthenticateResponse(session.Id, session.UserName, string.Empty, new EmptyStatus()));

    private static string? NonEmpty(string value) => value.Length > 0 ? value : null;

    private sealed record AuthenticateResponse(string SessionId, string UserName, string DisplayName, EmptyStatus ResponseStatus);
}
