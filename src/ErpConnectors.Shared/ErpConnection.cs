using System;
using System.Threading;

namespace ErpConnectors;

/// <summary>
/// A connection to one business system, as scripts see it: where, who, and how long the current token lasts.
/// It never exposes a token, secret or password. The HTTP pipeline behind it lives in the isolated
/// implementation assembly and is attached through <see cref="Runtime"/>. Safe to share across runspaces.
/// </summary>
public abstract class ErpConnection
{
    private long _expiresOnTicks = -1;
    private int _disconnected;

    protected ErpConnection(string systemName, Uri baseUri, string account)
    {
        SystemName = systemName;
        BaseUri = baseUri;
        Account = account;
        ConnectedOn = DateTimeOffset.UtcNow;
    }

    /// <summary>The business system (Severa, Jiwa, Weavy, Qics, Microbizz).</summary>
    public string SystemName { get; }

    /// <summary>The API root every route is relative to.</summary>
    public Uri BaseUri { get; }

    /// <summary>Who is connected: a client id, a user name.</summary>
    public string Account { get; }

    public DateTimeOffset ConnectedOn { get; }

    /// <summary>When the current access token or session expires (UTC), if the system says.</summary>
    public DateTimeOffset? ExpiresOn
    {
        get
        {
            long ticks = Interlocked.Read(ref _expiresOnTicks);
            return ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
        internal set => Interlocked.Exchange(ref _expiresOnTicks, value?.UtcTicks ?? -1);
    }

    /// <summary>False once Disconnect-* has run for this connection.</summary>
    public bool IsConnected => Volatile.Read(ref _disconnected) == 0;

    /// <summary>The implementation's per-connection state (HTTP pipeline, tokens). Opaque to scripts.</summary>
    internal object? Runtime { get; set; }

    internal void MarkDisconnected() => Interlocked.Exchange(ref _disconnected, 1);

    public override string ToString() => $"{SystemName} {Account} @ {BaseUri}";
}
