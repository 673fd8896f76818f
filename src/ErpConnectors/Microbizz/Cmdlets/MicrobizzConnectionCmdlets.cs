using System;
using System.Management.Automation;
using System.Security;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>
/// Connects to Microbizz GO with a user's credential (logs in, and logs in again by itself when the token is
/// refused) or with a token the user already has (-AccessToken: when it expires, connect again). The token always
/// travels as the access_token cookie, never in a URL.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Microbizz", DefaultParameterSetName = "Credential")]
[OutputType(typeof(MicrobizzConnection))]
public sealed class ConnectMicrobizzCommand : ConnectCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Credential")]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    [Parameter(Mandatory = true, ParameterSetName = "AccessToken")]
    public SecureString AccessToken { get; set; } = new();

    /// <summary>Overrides the production host (…/api.php), e.g. a sandbox.</summary>
    [Parameter(ParameterSetName = "Credential")]
    [Parameter(ParameterSetName = "AccessToken")]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>Connects to the local sandbox with its demo user.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Sandbox")]
    public SwitchParameter Sandbox { get; set; }


    protected override void ProcessRecord()
    {
        Uri baseUri = Sandbox ? new Uri(SandboxDefaults.Root, MicrobizzApi.SandboxPath) : BaseUri is null ? MicrobizzApi.ProductionUri : CheckBaseUri(BaseUri, MicrobizzApi.SystemName);

        EnsureSecretsMayTravel(baseUri);

        (string user, SecureString secret, MicrobizzAuthenticationKind kind) = ParameterSetName switch
        {
            "AccessToken" => ("(access token)", AccessToken.Copy(), MicrobizzAuthenticationKind.AccessToken),
            "Sandbox" => (SandboxDefaults.MicrobizzUserName, SecretText.Protect(SandboxDefaults.MicrobizzPassword), MicrobizzAuthenticationKind.Credential),
            _ => (Credential.UserName, Credential.Password.Copy(), MicrobizzAuthenticationKind.Credential),
        };
        if (string.IsNullOrEmpty(user) || secret.Length == 0)
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Microbizz.MissingCredential", "The credential needs a user name and a password; -AccessToken must not be empty.", kind));
        }

        secret.MakeReadOnly();
        var connection = new MicrobizzConnection(baseUri, user, kind);
        var runtime = MicrobizzSession.Create(connection, secret, retry: Deadlines());
        // A login proves a credential; a bare token is proved by reading the current user.
        Open(connection, runtime, async (output, token) =>
        {
            if (kind == MicrobizzAuthenticationKind.Credential)
            {
                await runtime.Tokens.GetAsync(output, token).ConfigureAwait(false);
            }
            else
            {
                using var answer = await runtime.SendAsync(ApiRequest.Get(MicrobizzApi.Route("currentuser")), output, token).ConfigureAwait(false);
            }
        }, () => $"Connected to Microbizz GO at {baseUri} as {user}.");
    }
}

/// <summary>Closes a Microbizz connection (the default one unless -Connection is given) and forgets its token.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Microbizz")]
[OutputType(typeof(void))]
public sealed class DisconnectMicrobizzCommand : MicrobizzCmdlet
{
    protected override void ProcessRecord()
    {
        MicrobizzConnection connection = ResolvedConnection;
        ConnectionRegistry.Close(connection);
        WriteVerbose($"Disconnected from Microbizz GO at {connection.BaseUri}.");
    }
}

/// <summary>Shows the runspace's default Microbizz connection: host, user, how it authenticates; never the token.</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzConnection")]
[OutputType(typeof(MicrobizzConnection))]
public sealed class GetMicrobizzConnectionCommand : ErpCmdlet
{
    protected override void ProcessRecord()
    {
        if (ConnectionRegistry.GetDefault<MicrobizzConnection>(MicrobizzApi.SystemName) is { } connection)
        {
            WriteObject(connection);
        }
    }
}
