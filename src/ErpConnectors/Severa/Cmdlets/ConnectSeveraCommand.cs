using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>
/// Connects to Visma Severa with client credentials (a PSCredential whose user name is the client id and whose
/// password is the client secret, or -ClientId/-ClientSecret), gets a token, and makes the connection the
/// runspace's default. -Sandbox connects to the bundled sandbox with its demo credentials.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Severa", DefaultParameterSetName = "Credential")]
[OutputType(typeof(SeveraConnection))]
public sealed class ConnectSeveraCommand : ConnectCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Credential")]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    [Parameter(Mandatory = true, ParameterSetName = "ClientSecret")]
    [ValidateNotNullOrEmpty]
    public string ClientId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = "ClientSecret")]
    public SecureString ClientSecret { get; set; } = new();

    /// <summary>Connects to the local sandbox ($env:ERPCONNECTORS_SANDBOX_URI or http://127.0.0.1:5380) with its demo client.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Sandbox")]
    public SwitchParameter Sandbox { get; set; }

    /// <summary>Scopes to request (space-free names such as customers:read). Default: the read scopes.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(SeveraScopeCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Scope { get; set; } = SeveraApi.DefaultScopes;

    [Parameter(ParameterSetName = "Credential")]
    [Parameter(ParameterSetName = "ClientSecret")]
    public SeveraEnvironment Environment { get; set; } = SeveraEnvironment.Production;

    /// <summary>Overrides -Environment: the API root (…/rest-api/v1.0), e.g. a sandbox or a proxy.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>Client-side pacing, requests per second for this client id (Severa's fair-use limit is 10).</summary>
    [Parameter]
    [ValidateRange(1, 10000)]
    public int RequestRateLimit { get; set; } = SeveraApi.RequestsPerSecond;


    protected override void ProcessRecord()
    {
        // A scope the module does not know may be one the vendor added: sent anyway, with a warning (chosen).
        foreach (string unknown in Scope.Where(s => !SeveraApi.AllScopes.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            WriteWarning($"'{unknown}' is not a Severa scope the module knows (known: {string.Join(", ", SeveraApi.AllScopes)}); it is requested anyway and the server decides.");
        }

        if (Environment == SeveraEnvironment.Custom && BaseUri is null)
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Severa.CustomWithoutBaseUri", "-Environment Custom needs -BaseUri.", Environment));
        }

        Uri baseUri = ResolveBaseUri();
        EnsureSecretsMayTravel(baseUri);

        (string clientId, SecureString secret) = ParameterSetName switch
        {
            "ClientSecret" => (ClientId, ClientSecret.Copy()),
            "Sandbox" => (SandboxDefaults.SeveraClientId, SecretText.Protect(SandboxDefaults.SeveraClientSecret)),
            _ => (Credential.UserName, Credential.Password.Copy()),
        };
        if (string.IsNullOrEmpty(clientId))
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Severa.MissingClientId", "The credential's user name must be the Severa client id.", Credential));
        }

        secret.MakeReadOnly();
        SeveraEnvironment environment = BaseUri is not null || Sandbox ? SeveraEnvironment.Custom : Environment;
        var connection = new SeveraConnection(baseUri, clientId, environment, Scope.Select(s => s.ToLowerInvariant()).ToArray());
        var runtime = SeveraSession.Create(connection, secret, RequestRateLimit, retry: Deadlines());

        Open(connection, runtime, async (output, token) => await runtime.Tokens.GetAsync(output, token).ConfigureAwait(false),
            () => $"Connected to Severa at {baseUri} as {clientId}; token valid until {connection.ExpiresOn:u}.");
    }

    private Uri ResolveBaseUri()
    {
        if (BaseUri is not null)
        {
            return CheckBaseUri(BaseUri, SeveraApi.SystemName);
        }

        if (Sandbox)
        {
            return new Uri(SandboxDefaults.Root, SeveraApi.SandboxPath);
        }

        return Environment == SeveraEnvironment.Test ? SeveraApi.TestUri : SeveraApi.ProductionUri;
    }
}
