using System;
using System.Management.Automation;
using System.Security;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Connects to a self-hosted Jiwa REST API with a user's credential (a server session, renewed with the held
/// credential when it expires) or an API key (sent as a bearer token), checks it, and makes the connection the
/// runspace's default. -Sandbox connects to the bundled sandbox with its demo user.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Jiwa", DefaultParameterSetName = "Credential")]
[OutputType(typeof(JiwaConnection))]
public sealed class ConnectJiwaCommand : ConnectCmdlet
{
    /// <summary>The API root, e.g. https://api.example.com.au (Jiwa is self-hosted: there is no default).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Credential")]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ApiKey")]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = "Credential")]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    [Parameter(Mandatory = true, ParameterSetName = "ApiKey")]
    public SecureString ApiKey { get; set; } = new();

    /// <summary>Connects to the local sandbox ($env:ERPCONNECTORS_SANDBOX_URI or http://127.0.0.1:5380) with its demo user.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Sandbox")]
    public SwitchParameter Sandbox { get; set; }


    protected override void ProcessRecord()
    {
        Uri baseUri = ResolveBaseUri();
        EnsureSecretsMayTravel(baseUri);

        (string user, SecureString secret, JiwaAuthenticationKind kind) = ParameterSetName switch
        {
            "ApiKey" => ("(API key)", ApiKey.Copy(), JiwaAuthenticationKind.ApiKey),
            "Sandbox" => (SandboxDefaults.JiwaUserName, SecretText.Protect(SandboxDefaults.JiwaPassword), JiwaAuthenticationKind.Credential),
            _ => (Credential.UserName, Credential.Password.Copy(), JiwaAuthenticationKind.Credential),
        };
        if (string.IsNullOrEmpty(user))
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Jiwa.MissingUserName", "The credential has no user name.", Credential));
        }

        if (secret.Length == 0)
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Jiwa.EmptySecret", kind == JiwaAuthenticationKind.ApiKey ? "-ApiKey is empty." : "The credential has no password.", kind));
        }

        secret.MakeReadOnly();
        var connection = new JiwaConnection(baseUri, user, kind);
        var runtime = JiwaSession.Create(connection, secret, retry: Deadlines());

        // A login proves a credential; a key has no login step, so a KeepAlive call proves it (401 if refused).
        Open(connection, runtime, async (output, token) =>
        {
            if (kind == JiwaAuthenticationKind.Credential)
            {
                await runtime.Tokens.GetAsync(output, token).ConfigureAwait(false);
            }
            else
            {
                using var answer = await runtime.SendAsync(ApiRequest.Get(JiwaApi.KeepAlive), output, token).ConfigureAwait(false);
            }
        }, () => $"Connected to Jiwa at {baseUri} as {user} ({kind}).");
    }

    private Uri ResolveBaseUri()
    {
        if (Sandbox)
        {
            return new Uri(SandboxDefaults.Root, JiwaApi.SandboxPath);
        }

        return CheckBaseUri(BaseUri!, JiwaApi.SystemName);
    }
}
