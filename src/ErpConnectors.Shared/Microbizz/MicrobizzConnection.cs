using System;

namespace ErpConnectors.Microbizz;

/// <summary>How a Microbizz GO connection authenticates.</summary>
public enum MicrobizzAuthenticationKind
{
    /// <summary>A user name and password: logs in again by itself when the token expires.</summary>
    Credential,

    /// <summary>A token the user already has: when it expires, connect again.</summary>
    AccessToken,
}

/// <summary>A Microbizz GO API connection. Returned by Connect-Microbizz -PassThru; never shows the token or password.</summary>
public sealed class MicrobizzConnection : ErpConnection
{
    public MicrobizzConnection(Uri baseUri, string userName, MicrobizzAuthenticationKind authenticationKind)
        : base("Microbizz", baseUri, userName)
    {
        UserName = userName;
        AuthenticationKind = authenticationKind;
    }

    public string UserName { get; }

    public MicrobizzAuthenticationKind AuthenticationKind { get; }
}
