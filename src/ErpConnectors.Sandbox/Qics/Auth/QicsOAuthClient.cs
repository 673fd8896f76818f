namespace ErpConnectors.Sandbox.Qics.Auth;

/// <summary>
/// An OAuth application as registered in QicsMilestones: id, secret and the Redirect Uri set up for it.
/// The document: the registered Redirect Uri "must be part of redirect_uri" of the authorization request.
/// Chosen for the sandbox client: its registered Redirect Uri is http://localhost/, and any loopback http
/// URI on any port is accepted as well (RFC 8252 §7.3), since the module listens on a free port it picks.
/// </summary>
internal sealed record QicsOAuthClient(string ClientId, string ClientSecret, string RegisteredRedirectUri)
{
    public static readonly QicsOAuthClient Sandbox =
        new(SandboxCredentials.QicsClientId, SandboxCredentials.QicsClientSecret, "http://localhost/");

    public static readonly IReadOnlyList<QicsOAuthClient> All = [Sandbox];

    public static QicsOAuthClient? Find(string? clientId) => All.FirstOrDefault(c => c.ClientId == clientId);

    /// <summary>Null when the redirect URI is acceptable; otherwise why not.</summary>
    public string? RedirectProblem(string redirectUri)
    {
        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri))
        {
            return $"redirect_uri '{redirectUri}' is not an absolute URI.";
        }

        if (uri.Fragment.Length > 0)
        {
            return "redirect_uri must not have a fragment (#...).";
        }

        if (redirectUri.StartsWith(RegisteredRedirectUri, StringComparison.Ordinal)
            || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || uri.Host == "localhost")))
        {
            return null;
        }

        return $"redirect_uri '{redirectUri}' is not registered for client '{ClientId}': it must start with {RegisteredRedirectUri} or be a loopback http URI (http://localhost:PORT/..., http://127.0.0.1:PORT/...).";
    }
}
