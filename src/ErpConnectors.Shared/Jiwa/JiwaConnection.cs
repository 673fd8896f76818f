using System;
using System.Threading;

namespace ErpConnectors.Jiwa;

/// <summary>
/// A Jiwa Financials REST API connection (a server session or an API key). Returned by Connect-Jiwa -PassThru.
/// Shows the server, the user and how it authenticates; never the password, session id or key.
/// </summary>
public sealed class JiwaConnection : ErpConnection
{
    private string? _displayName;

    public JiwaConnection(Uri baseUri, string userName, JiwaAuthenticationKind authenticationKind)
        : base("Jiwa", baseUri, userName)
    {
        UserName = userName;
        AuthenticationKind = authenticationKind;
    }

    /// <summary>The Jiwa user of a credential connection; "(API key)" for a key.</summary>
    public string UserName { get; }

    /// <summary>The display name the server gave at login, when it gave one.</summary>
    public string? DisplayName
    {
        get => Volatile.Read(ref _displayName);
        internal set => Volatile.Write(ref _displayName, value);
    }

    public JiwaAuthenticationKind AuthenticationKind { get; }
}
