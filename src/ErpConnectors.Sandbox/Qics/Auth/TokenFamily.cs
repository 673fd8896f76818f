namespace ErpConnectors.Sandbox.Qics.Auth;

/// <summary>
/// The tokens descending from one authorization (one code exchange, or one pre-issued refresh token): only
/// the newest access token and the newest refresh token are good. Every refresh replaces both. Revoking the
/// family kills both for good. Guarded by the token store's lock.
/// </summary>
internal sealed class TokenFamily(string clientId, QicsUser user)
{
    public string ClientId => clientId;

    public QicsUser User => user;

    public string? AccessToken { get; set; }

    public DateTimeOffset AccessExpiresUtc { get; set; }

    public string RefreshToken { get; set; } = string.Empty;

    /// <summary>Why the family was revoked; null while it is good.</summary>
    public string? RevokedBecause { get; set; }
}

/// <summary>A one-time authorization code, bound to the client and redirect_uri it was issued for.</summary>
internal sealed class AuthorizationCode(string clientId, string redirectUri, DateTimeOffset expiresUtc)
{
    public string ClientId => clientId;

    public string RedirectUri => redirectUri;

    public DateTimeOffset ExpiresUtc => expiresUtc;

    /// <summary>The family its exchange started; non-null once the code is used.</summary>
    public TokenFamily? Family { get; set; }
}

/// <summary>A token answer's content.</summary>
internal sealed record IssuedTokens(string AccessToken, string RefreshToken, long ExpiresIn);
