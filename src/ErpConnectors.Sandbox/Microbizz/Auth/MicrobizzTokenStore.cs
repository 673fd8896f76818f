using System.Security.Cryptography;

namespace ErpConnectors.Sandbox.Microbizz.Auth;

/// <summary>
/// Issued access tokens. Every login issues a new opaque token (64 hex characters, chosen) and earlier ones
/// stay good: the document says only that a token "can be expected to expire anytime", so tokens have no
/// lifetime of their own here and die when a test says so (<see cref="ExpireAll"/>, <see cref="ExpireAfter"/>).
/// </summary>
internal sealed class MicrobizzTokenStore
{
    private readonly Lock _gate = new();

    /// <summary>Token → requests it may still make (null = unlimited; 0 = expired).</summary>
    private readonly Dictionary<string, int?> _tokens = new(StringComparer.Ordinal);

    public string Issue()
    {
        var token = RandomNumberGenerator.GetHexString(64, lowercase: true);
        lock (_gate)
        {
            _tokens[token] = null;
        }

        return token;
    }

    /// <summary>Spends one request of the token; false when it is unknown or expired.</summary>
    public bool TryUse(string token)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(token, out var left) || left == 0)
            {
                return false;
            }

            if (left is { } n)
            {
                _tokens[token] = n - 1;
            }

            return true;
        }
    }

    public void ExpireAll() => ExpireAfter(0);

    /// <summary>Every token issued so far makes <paramref name="requests"/> more authenticated requests, then expires.</summary>
    public void ExpireAfter(int requests)
    {
        lock (_gate)
        {
            foreach (var token in _tokens.Keys.ToList())
            {
                var left = _tokens[token];
                _tokens[token] = left is { } n ? Math.Min(n, requests) : requests;
            }
        }
    }
}
