using System;
using System.Threading;

namespace ErpConnectors.Severa;

/// <summary>A Visma Severa REST API connection (client credentials). Returned by Connect-Severa -PassThru.</summary>
public sealed class SeveraConnection : ErpConnection
{
    private string[] _grantedScopes;

    public SeveraConnection(Uri baseUri, string clientId, SeveraEnvironment environment, string[] requestedScopes)
        : base("Severa", baseUri, clientId)
    {
        ClientId = clientId;
        Environment = environment;
        RequestedScopes = requestedScopes;
        _grantedScopes = requestedScopes;
    }

    public string ClientId { get; }

    public SeveraEnvironment Environment { get; }

    public string[] RequestedScopes { get; }

    /// <summary>The scopes the server granted with the current token.</summary>
    public string[] Scopes
    {
        get => Volatile.Read(ref _grantedScopes);
        internal set => Volatile.Write(ref _grantedScopes, value);
    }
}
