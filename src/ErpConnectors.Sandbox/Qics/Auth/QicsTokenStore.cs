using System.Security.Cryptography;

namespace ErpConnectors.Sandbox.Qics.Auth;

/// <summary>
/// Codes and tokens. From the document: a code works once; every refresh issues a new access token and a new
/// refresh token and invalidates the old ones. Chosen (RFC 6749 §10.5 / §4.1.2, OAuth 2.0 Security BCP
/// §4.14): a code used twice, or a refresh token used after it was rotated, revokes every token descending
/// from that authorization, so a double refresh shows in tests. Refresh tokens do not expire otherwise
/// (chosen: the document names no lifetime). Tokens and codes are 32 lower-case hex digits like the
/// document's examples.
/// </summary>
internal sealed class QicsTokenStore(TimeProvider time)
{
    private const string ReuseReason =
        "a refresh token was used after it had been replaced (each refresh replaces it), so every token of that authorization was revoked: authorize again";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, AuthorizationCode> _codes = new(StringComparer.Ordinal);

    // Every token ever issued, to its family, so an old one is recognised (and its reuse detected).
    private readonly Dictionary<string, TokenFamily> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenFamily> _accessTokens = new(StringComparer.Ordinal);
    private readonly List<TokenFamily> _families = [];
    private bool _denyNext;

    public void DenyNextAuthorization()
    {
        lock (_gate) { _denyNext = true; }
    }

    /// <summary>True once after <see cref="DenyNextAuthorization"/>.</summary>
    public bool TakeDenial()
    {
        lock (_gate)
        {
            var deny = _denyNext;
            _denyNext = false;
            return deny;
        }
    }

    public string IssueCode(string clientId, string redirectUri, TimeSpan lifetime)
    {
        lock (_gate)
        {
            var code = NewToken();
            _codes[code] = new AuthorizationCode(clientId, redirectUri, time.GetUtcNow() + lifetime);
            return code;
        }
    }

    /// <summary>Exchanges a code; invalid_grant when it is unknown, used, expired, or bound to another client or redirect_uri.</summary>
    public IssuedTokens RedeemCode(string code, string clientId, string redirectUri, TimeSpan accessLifetime)
    {
        lock (_gate)
        {
            if (!_codes.TryGetValue(code, out var grant))
            {
                throw OAuthException.Grant("The authorization code is not valid.");
            }

            if (grant.Family is { } used)
            {
                used.RevokedBecause ??= "its authorization code was used twice";
                throw OAuthException.Grant("The authorization code was already used (a code works once); the tokens issued for it are revoked.");
            }

            if (grant.ExpiresUtc <= time.GetUtcNow())
            {
                throw OAuthException.Grant("The authorization code has expired: authorize again.");
            }

            if (grant.ClientId != clientId)
            {
                throw OAuthException.Grant("The authorization code was issued to another client.");
            }

            if (grant.RedirectUri != redirectUri)
            {
                throw OAuthException.Grant("redirect_uri does not match the redirect_uri of the authorization request.");
            }

            var family = NewFamily(clientId);
            grant.Family = family;
            return Rotate(family, accessLifetime);
        }
    }

    /// <summary>Rotates the family of a current refresh token; invalid_grant otherwise (and revokes it on reuse).</summary>
    public IssuedTokens Refresh(string refreshToken, string clientId, TimeSpan accessLifetime)
    {
        lock (_gate)
        {
            if (!_refreshTokens.TryGetValue(refreshToken, out var family))
            {
                throw OAuthException.Grant("The refresh token is not valid.");
            }

            if (family.ClientId != clientId)
            {
                throw OAuthException.Grant("The refresh token was issued to another client.");
            }

            if (family.RevokedBecause is { } reason)
            {
                throw OAuthException.Grant($"The refresh token was revoked: {reason}.");
            }

            if (family.RefreshToken != refreshToken)
            {
                family.RevokedBecause = ReuseReason;
                throw OAuthException.Grant("The refresh token was already used and replaced by a newer one. As a precaution every token of this authorization is revoked now: authorize again.");
            }

            return Rotate(family, accessLifetime);
        }
    }

    /// <summary>A refresh token of a new authorization, as a runbook would hold it after a one-time sign-in.</summary>
    public string IssueRefreshToken(string clientId)
    {
        lock (_gate)
        {
            var family = NewFamily(clientId);
            family.RefreshToken = NewToken();
            _refreshTokens[family.RefreshToken] = family;
            return family.RefreshToken;
        }
    }

    /// <summary>The family of a good access token, or why the token is not good.</summary>
    public (TokenFamily? Family, string? Problem) Validate(string accessToken)
    {
        lock (_gate)
        {
            if (!_accessTokens.TryGetValue(accessToken, out var family))
            {
                return (null, "The access token is not valid.");
            }

            if (family.RevokedBecause is { } reason)
            {
                return (null, $"The access token was revoked: {reason}.");
            }

            if (family.AccessToken != accessToken)
            {
                return (null, "The access token was replaced by a refresh (a refresh invalidates the previous access token).");
            }

            return family.AccessExpiresUtc <= time.GetUtcNow()
                ? (null, "The access token has expired.")
                : (family, null);
        }
    }

    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            foreach (var family in _families)
            {
                family.AccessExpiresUtc = DateTimeOffset.MinValue;
            }
        }
    }

    private TokenFamily NewFamily(string clientId)
    {
        var family = new TokenFamily(clientId, QicsUser.Demo);
        _families.Add(family);
        return family;
    }

    private IssuedTokens Rotate(TokenFamily family, TimeSpan accessLifetime)
    {
        family.AccessToken = NewToken();
        family.AccessExpiresUtc = time.GetUtcNow() + accessLifetime;
        family.RefreshToken = NewToken();
        _accessTokens[family.AccessToken] = family;
        _refreshTokens[family.RefreshToken] = family;
        return new IssuedTokens(family.AccessToken, family.RefreshToken, (long)accessLifetime.TotalSeconds);
    }

    private static string NewToken() => RandomNumberGenerator.GetHexString(32, lowercase: true);
}
