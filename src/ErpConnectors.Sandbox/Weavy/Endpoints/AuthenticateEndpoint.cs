using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/Authenticate {"scope"?,"projectCode","username","password"} → 200
/// {"authToken","expiresIn" (seconds),"generatedTimeUTC","passwordExpiryUTC"} (times in the document's
/// YYYY-MM-DDTHH:MM:SS, UTC). The field names are the production integration's (Webmecanik/mautic,
/// MauticDivaltoBundle Connection/Client.php sends "username" and marks scope "optional"); like any ASP.NET
/// server, names match ignoring case. Chosen: a missing field or a scope other than API is 400; a wrong project,
/// user or password is 401 InvalidCredentials without saying which (the user exists in project DEMO only).
/// The project code and user name match ignoring case, the password exactly.
/// </summary>
internal static class AuthenticateEndpoint
{
    public const string Scope = "API";

    public static void Map(WeavyRoutes routes, WeavySandbox weavy) =>
        routes.Map(HttpMethods.Post, WeavyRoutes.Authenticate, context => AuthenticateAsync(context, weavy), isAuthentication: true);

    private static async Task<IResult> AuthenticateAsync(HttpContext context, WeavySandbox weavy)
    {
        weavy.CountAuthenticationRequest();
        var body = await WeavyBody.ReadObjectAsync(context).ConfigureAwait(false);
        var scope = body.OptionalString("scope") ?? Scope;
        var project = body.RequiredString("projectCode");
        var user = body.RequiredString("username");
        var password = body.RequiredString("password");
        if (!string.Equals(scope, Scope, StringComparison.OrdinalIgnoreCase))
        {
            throw WeavyErrors.InvalidRequest($"scope must be \"{Scope}\", not '{scope}'.", "scope");
        }

        if (!string.Equals(project, SandboxCredentials.WeavyProjectCode, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(user, SandboxCredentials.WeavyUserName, StringComparison.OrdinalIgnoreCase)
            || !Secrets.Same(SandboxCredentials.WeavyPassword, password))
        {
            throw WeavyErrors.InvalidCredentials();
        }

        var lifetime = weavy.Options.TokenLifetime;
        var session = weavy.Tokens.Issue(SandboxCredentials.WeavyProjectCode, SandboxCredentials.WeavyUserName, lifetime);
        return WeavyJson.Answer(new
        {
            authToken = session.Token,
            expiresIn = (long)lifetime.TotalSeconds,
            generatedTimeUTC = FieldValues.FormatDateTime(session.IssuedUtc.UtcDateTime),
            passwordExpiryUTC = FieldValues.FormatDateTime(weavy.PasswordExpiryUtc.UtcDateTime),
        });
    }
}
