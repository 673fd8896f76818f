using System.Security.Cryptography;
using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Microbizz.Auth;

/// <summary>
/// Issued access tokens. Every login issues a new opaque token (64 hex characters, chosen) and earlier ones
/// stay good: the document says only that a token "can be expected to expire anytime", so tokens have no
/// lifetime of their own here. They die when a test says so (<see cref="ExpireAll"/>, <see cref="ExpireAfter"/>)
/// or at random moments (<see cref="MicrobizzSandboxOptions.TokenExpiryRate"/>).
/// </summary>
internal sealed class MicrobizzTokenStore
{
    /// <summary>Mixed into the sandbox seed, so the expiry rolls are not the same numbers as the fault rolls.</summary>
    private const ulong ExpirySalt = 0x6D6963726F62697AUL;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TokenState> _tokens = new(StringComparer.Ordinal);
    private readonly MicrobizzSandboxOptions _options;
    private readonly Random _expiry;
    private int _expiredAtRandom;

    /// <param name="options">Read on every request, so a test may change <see cref="MicrobizzSandboxOptions.TokenExpiryRate"/> while the server runs.</param>
    /// <param name="seed">The sandbox seed: the same seed and the same requests in the same order expire the same tokens.</param>
    public MicrobizzTokenStore(MicrobizzSandboxOptions options, int seed)
    {
        _options = options;
        _expiry = new Random(unchecked((int)SplitMix64.Mix((ulong)(uint)seed ^ ExpirySalt)));
    }

    /// <summary>Tokens that died at a random moment (<see cref="MicrobizzSandboxOptions.TokenExpiryRate"/>) so far.</summary>
    public int ExpiredAtRandom
    {
        get { lock (_gate) { return _expiredAtRandom; } }
    }

    public string Issue()
    {
        var token = RandomNumberGenerator.GetHexString(64, lowercase: true);
        lock (_gate)
        {
            _tokens[token] = new TokenState();
        }

        return token;
    }

    /// <summary>
    /// Spends one request of the token; false when it is unknown or expired, or expires at this moment. Chosen: a
    /// token always serves its first request, so the contract's "log in again and replay once" always recovers;
    /// every later request rolls <see cref="MicrobizzSandboxOptions.TokenExpiryRate"/>, and a token that expired
    /// stays expired.
    /// </summary>
    public bool TryUse(string token)
    {
        lock (_gate)
        {
            if (!_tokens.TryGetValue(token, out var state) || state.RequestsLeft == 0)
            {
                return false;
            }

            var rate = _options.TokenExpiryRate;
            if (state.Used && rate > 0 && _expiry.NextDouble() < rate)
            {
                state.RequestsLeft = 0;
                _expiredAtRandom++;
                return false;
            }

            state.Used = true;
            if (state.RequestsLeft is { } n)
            {
                state.RequestsLeft = n - 1;
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
            foreach (var state in _tokens.Values)
            {
                state.RequestsLeft = state.RequestsLeft is { } n ? Math.Min(n, requests) : requests;
            }
        }
    }

    private sealed class TokenState
    {
        /// <summary>Requests the token may still make (null = unlimited; 0 = expired).</summary>
        public int? RequestsLeft { get; set; }

        /// <summary>Whether the token has served a request (from then on it may expire at random).</summary>
        public bool Used { get; set; }
    }
}
