using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Weavy.Auth;

/// <summary>
/// Issued tokens and their expiry. The document says the token is signed; the sandbox issues a JWT-shaped
/// token (HS256 over the project, user and expiry, with a key of its own) so it looks like one, but checks it
/// by lookup: a token it did not issue is unknown even if well formed. No refresh token: a client
/// authenticates again. Every Authenticate issues a new token; earlier ones stay good until they expire.
/// </summary>
internal sealed class WeavyTokenStore(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WeavySession> _tokens = new(StringComparer.Ordinal);
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);

    public WeavySession Issue(string projectCode, string userName, TimeSpan lifetime)
    {
        var issued = time.GetUtcNow();
        var expires = issued + lifetime;
        var token = Sign(new Dictionary<string, object>
        {
            ["sub"] = userName,
            ["project"] = projectCode,
            ["iat"] = issued.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["jti"] = RandomNumberGenerator.GetHexString(16, lowercase: true),
        });
        var session = new WeavySession(token, projectCode, userName, issued, expires);
        lock (_gate)
        {
            _tokens[token] = session;
        }

        return session;
    }

    /// <summary>The session of a good token, or the error code and why it is not good.</summary>
    public (WeavySession? Session, string Code, string Problem) Validate(string token)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(token, out var session))
            {
                return (null, "InvalidToken", "The token is not valid: authenticate (POST v1/Authenticate).");
            }

            return session.ExpiresUtc <= time.GetUtcNow()
                ? (null, "TokenExpired", "The token has expired: authenticate again (POST v1/Authenticate).")
                : (session, string.Empty, string.Empty);
        }
    }

    /// <summary>Every token issued so far stops working now.</summary>
    public void ExpireAll()
    {
        lock (_gate)
        {
            foreach (var token in _tokens.Keys.ToList())
            {
                _tokens[token] = _tokens[token] with { ExpiresUtc = DateTimeOffset.MinValue };
            }
        }
    }

    private string Sign(Dictionary<string, object> claims)
    {
        var header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray());
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = Base64Url(HMACSHA256.HashData(_signingKey, Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>What a token stands for.</summary>
internal sealed record WeavySession(string Token, string ProjectCode, string UserName, DateTimeOffset IssuedUtc, DateTimeOffset ExpiresUtc);
