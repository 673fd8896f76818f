using System;
using System.Management.Automation;
using System.Security;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>
/// Signs in to a Weavy project (POST v1/Authenticate) and makes the connection the runspace's default. The
/// token is renewed with the held credential shortly before it expires, and once when a call is refused.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Weavy", DefaultParameterSetName = "Credential")]
[OutputType(typeof(WeavyConnection))]
public sealed class ConnectWeavyCommand : ConnectCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Credential")]
    [ValidateNotNullOrEmpty]
    public string ProjectCode { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = "Credential")]
    [Credential]
    public PSCredential Credential { get; set; } = PSCredential.Empty;

    [Parameter(ParameterSetName = "Credential")]
    public WeavyRegion Region { get; set; } = WeavyRegion.Europe;

    /// <summary>Overrides -Region: the API host, e.g. a sandbox.</summary>
    [Parameter(ParameterSetName = "Credential")]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    /// <summary>Connects to the local sandbox with its demo project and user.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Sandbox")]
    public SwitchParameter Sandbox { get; set; }

    /// <summary>The company reads and imports address by default.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CompanyCode { get; set; }


    protected override void ProcessRecord()
    {
        if (ParameterSetName == "Credential" && Region == WeavyRegion.Custom && BaseUri is null)
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Weavy.CustomWithoutBaseUri", "-Region Custom needs -BaseUri.", Region));
        }

        Uri baseUri = ResolveBaseUri();
        EnsureSecretsMayTravel(baseUri);

        bool sandbox = Sandbox.IsPresent;
        string project = sandbox ? SandboxDefaults.WeavyProjectCode : ProjectCode;
        string user = sandbox ? SandboxDefaults.WeavyUserName : Credential.UserName;
        if (string.IsNullOrEmpty(user))
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Weavy.MissingUserName", "The credential has no user name.", Credential));
        }

        SecureString password = sandbox ? SecretText.Protect(SandboxDefaults.WeavyPassword) : Credential.Password.Copy();
        password.MakeReadOnly();
        WeavyRegion region = sandbox || BaseUri is not null ? WeavyRegion.Custom : Region;
        var connection = new WeavyConnection(baseUri, project, user, region, CompanyCode ?? (sandbox ? SandboxDefaults.WeavyCompanyCode : null));
        var runtime = WeavySession.Create(connection, password, retry: Deadlines());
        Open(connection, runtime, async (output, token) => await runtime.Tokens.GetAsync(output, token).ConfigureAwait(false),
            () => $"Connected to Weavy project {project} at {baseUri} as {user}; token valid until {connection.ExpiresOn:u}.");
    }

    private Uri ResolveBaseUri()
    {
        if (Sandbox)
        {
            return new Uri(SandboxDefaults.Root, WeavyApi.SandboxPath);
        }

        if (BaseUri is not null)
        {
            return CheckBaseUri(BaseUri, WeavyApi.SystemName);
        }

        return Region == WeavyRegion.NorthAmerica ? WeavyApi.NorthAmericaUri : WeavyApi.EuropeUri;
    }
}
