using System;
using System.Security;
using System.Threading;

namespace ErpConnectors.Qics;

/// <summary>
/// A QicsMilestones API connection (OAuth2 authorization code, rotating refresh tokens). Returned by
/// Connect-Qics -PassThru. <see cref="RefreshToken"/> always holds the newest refresh token: every refresh
/// rotates it and kills the old one, so a runbook must store this one after its run or lose access.
/// </summary>
public sealed class QicsConnection : ErpConnection
{
    private SecureString? _refreshToken;
    private int _refreshCount;

    public QicsConnection(Uri baseUri, string clientId, long tenantId, Uri? redirectUri)
        : base("Qics", baseUri, clientId)
    {
        ClientId = clientId;
        TenantId = tenantId;
        RedirectUri = redirectUri;
    }

    public string ClientId { get; }

    /// <summary>The tenant every call addresses (the tenant-id header).</summary>
    public long TenantId { get; }

    /// <summary>The loopback redirect URI of the sign-in, when the connection was made in a browser.</summary>
    public Uri? RedirectUri { get; }

    /// <summary>
    /// The newest refresh token, as a read-only SecureString copy. Store it after a run (an Automation variable,
    /// a SecretManagement vault) and pass it to Connect-Qics -RefreshToken next time: the one used to connect is
    /// dead after the first refresh.
    /// </summary>
    public SecureString? RefreshToken
    {
        get
        {
            SecureString? current = Volatile.Read(ref _refreshToken);
            if (current is null)
            {
                return null;
            }

            SecureString copy = current.Copy();
            copy.MakeReadOnly();
            return copy;
        }
    }

    /// <summary>How many times the tokens were renewed (and the refresh token rotated) on this connection.</summary>
    public int RefreshCount => Volatile.Read(ref _refreshCount);

    internal void SetRefreshToken(SecureString value, bool rotated)
    {
        value.MakeReadOnly();
        Volatile.Write(ref _refreshToken, value);
        if (rotated)
        {
            Interlocked.Increment(ref _refreshCount);
        }
    }
}
