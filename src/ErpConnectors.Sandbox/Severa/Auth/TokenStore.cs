using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ErpConnectors.Sandbox.Severa.Auth;

/// <summary>An access token the server issued.</summary>
internal sealed record AccessGrant(string ClientId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresUtc);

/// <summary>A freshly issued pair, as /token and /refreshtoken answer it.</summary>
internal sealed record IssuedTokens(
    string AccessToken,
    DateTimeOffset AccessExpiresUtc,
    string RefreshToken,
    DateTimeOffset RefreshExpiresUtc,
    IReadOnlyList<string> Scopes);

/// <summary>
/// Issued tokens. Each client has one refresh token at a time (the vendor: a new POST /token invalidates the
/// previous refresh token); refreshing replaces it too. Access tokens stay valid until they expire or a test
/// expires them all.
/// </summary>
internal sealed class TokenStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, AccessGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshGrant> _refreshByClient = new(StringComparer.Ordinal);
    private readonly Lock _refreshGate = new();

    public IssuedTokens Issue(string clientId, IReadOnlyList<string> scopes, TimeSpan accessLifetime, TimeSpan refreshLifetime)
    {
        var now = WholeSeconds(time.GetUtcNow());
        PurgeExpired(now);
        var access = NewToken(32);
        var accessExpires = now + accessLifetime;
        _accessTokens[access] = new AccessGrant(clientId, scopes, accessExpires);

        // Shaped like the vendor's example refresh token: base64 of UTF-16 text.
        var refresh = Convert.ToBase64String(Encoding.Unicode.GetBytes(NewToken(24)));
        var refreshExpires = now + refreshLifetime;
        lock (_refreshGate)
        {
            _refreshByClient[clientId] = new RefreshGrant(refresh, scopes, refreshExpires);
        }

        return new IssuedTokens(access, accessExpires, refresh, refreshExpires, scopes);
    }

    /// <summary>The grant of a valid access token, or null.</summary>
    public AccessGrant? Validate(string accessToken)
    {
        return _accessTokens.TryGetValue(accessToken, out var grant) && grant.ExpiresUtc > time.GetUtcNow() ? grant : null;
    }

    /// <summary>
    /// Consumes the client's current refresh token if <paramref name="refreshToken"/> is it and still valid,
    /// returning the scopes to issue again; null otherwise (unknown, expired or superseded).
    /// </summary>
    public IReadOnlyList<string>? Redeem(string clientId, string refreshToken)
    {
        lock (_refreshGate)
        {
            if (!_refreshByClient.TryGetValue(clientId, out var grant)
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(grant.Token), Encoding.UTF8.GetBytes(refreshToken))
                || grant.ExpiresUtc <= time.GetUtcNow())
            {
                return null;
            }

            _refreshByClient.Remove(clientId);
            return grant.Scopes;
        }
    }

    public void ExpireAccessTokens() => _accessTokens.Clear();

    private void PurgeExpired(DateTimeOffset now)
    {
        foreach (var (token, grant) in _accessTokens)
        {
            if (grant.ExpiresUtc <= now)
            {
                _accessTokens.TryRemove(token, out _);
            }
        }
    }

    private static string NewToken(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));

    private static DateTimeOffset WholeSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private sealed record RefreshGrant(string Token, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresUtc);
}
