using System;

namespace ErpConnectors.Core.Auth;

/// <summary>What an authentication step yields: an access token or session, and how to renew it.</summary>
internal sealed class TokenSet
{
    public TokenSet(string accessToken, DateTimeOffset issuedOn, DateTimeOffset? expiresOn)
    {
        AccessToken = accessToken;
        IssuedOn = issuedOn;
        ExpiresOn = expiresOn;
    }

    public string AccessToken { get; }

    public DateTimeOffset IssuedOn { get; }

    public DateTimeOffset? ExpiresOn { get; }

    public string? RefreshToken { get; init; }

    public DateTimeOffset? RefreshExpiresOn { get; init; }

    public string[] Scopes { get; init; } = Array.Empty<string>();

    private int _served;
    private int _uses;

    /// <summary>Requests sent with this token so far.</summary>
    public int Uses => System.Threading.Volatile.Read(ref _uses);

    public void CountUse() => System.Threading.Interlocked.Increment(ref _uses);

    /// <summary>A request carrying this token was accepted: a later 401 means it died, not that it was never good.</summary>
    public bool HasServed => System.Threading.Volatile.Read(ref _served) != 0;

    public void MarkServed() => System.Threading.Volatile.Write(ref _served, 1);

    /// <summary>
    /// Renew this long before expiry: a minute, or a fifth of the lifetime for short-lived tokens, so a request
    /// never leaves with a token that dies on the way.
    /// </summary>
    public TimeSpan RenewalMargin
    {
        get
        {
            if (ExpiresOn is not { } expires)
            {
                return TimeSpan.Zero;
            }

            var fifth = TimeSpan.FromTicks((expires - IssuedOn).Ticks / 5);
            return fifth < TimeSpan.FromMinutes(1) ? fifth : TimeSpan.FromMinutes(1);
        }
    }

    public bool NeedsRenewal(DateTimeOffset now) => ExpiresOn is { } expires && now >= expires - RenewalMargin;

    public bool CanRefresh(DateTimeOffset now) =>
        RefreshToken is not null && (RefreshExpiresOn is not { } until || now < until - TimeSpan.FromSeconds(5));
}
