using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net.Http;
using System.Security;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>
/// Connects to QicsMilestones. Interactively: listens on a loopback redirect URI, opens the browser at the
/// authorize page (or prints its address with -NoBrowser), receives the one-time code and exchanges it. In a
/// runbook: -RefreshToken, the token stored after the previous run. Either way the connection's RefreshToken then
/// holds the newest refresh token, which is the one to store.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Qics", DefaultParameterSetName = "Browser")]
[OutputType(typeof(QicsConnection))]
public sealed class ConnectQicsCommand : ConnectCmdlet
{
    [Parameter(Mandatory = true, ParameterSetName = "Browser")]
    [Parameter(Mandatory = true, ParameterSetName = "RefreshToken")]
    [ValidateNotNullOrEmpty]
    public string ClientId { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = "Browser")]
    [Parameter(Mandatory = true, ParameterSetName = "RefreshToken")]
    public SecureString ClientSecret { get; set; } = new();

    /// <summary>The application's api-key from QICS.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Browser")]
    [Parameter(Mandatory = true, ParameterSetName = "RefreshToken")]
    public SecureString ApiKey { get; set; } = new();

    /// <summary>The tenant number (in the address bar when signed in to QicsMilestones).</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Browser")]
    [Parameter(Mandatory = true, ParameterSetName = "RefreshToken")]
    [ValidateRange(1, int.MaxValue)]
    public int TenantId { get; set; }

    /// <summary>The stored refresh token: connects without a browser (runbooks). It is dead after the first refresh.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "RefreshToken")]
    public SecureString RefreshToken { get; set; } = new();

    /// <summary>The loopback address the browser returns to, e.g. http://localhost:8400/ (default: a free port on localhost).</summary>
    [Parameter(ParameterSetName = "Browser")]
    [Parameter(ParameterSetName = "Sandbox")]
    [ValidateNotNull]
    public Uri? RedirectUri { get; set; }

    /// <summary>Prints the sign-in address instead of opening a browser (another machine's browser, a remote session).</summary>
    [Parameter(ParameterSetName = "Browser")]
    public SwitchParameter NoBrowser { get; set; }

    /// <summary>How long to wait for the sign-in, in seconds (default 300).</summary>
    [Parameter(ParameterSetName = "Browser")]
    [Parameter(ParameterSetName = "Sandbox")]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 300;

    /// <summary>Connects to the local sandbox with its demo application, signing in without a browser (the sandbox approves at once).</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Sandbox")]
    public SwitchParameter Sandbox { get; set; }

    /// <summary>Overrides the production host: the API root (…/api), e.g. a sandbox.</summary>
    [Parameter(ParameterSetName = "Browser")]
    [Parameter(ParameterSetName = "RefreshToken")]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }


    protected override void ProcessRecord()
    {
        Uri baseUri = ResolveBaseUri();
        EnsureSecretsMayTravel(baseUri);

        bool sandbox = Sandbox.IsPresent;
        string clientId = sandbox ? SandboxDefaults.QicsClientId : ClientId;
        SecureString secret = sandbox ? SecretText.Protect(SandboxDefaults.QicsClientSecret) : ClientSecret.Copy();
        SecureString apiKey = sandbox ? SecretText.Protect(SandboxDefaults.QicsApiKey) : ApiKey.Copy();
        long tenant = sandbox ? SandboxDefaults.QicsTenantId : TenantId;
        secret.MakeReadOnly();

        LoopbackRedirectListener? listener = null;
        if (ParameterSetName != "RefreshToken")
        {
            try
            {
                listener = LoopbackRedirectListener.Start(RedirectUri);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is System.Net.Sockets.SocketException)
            {
                ThrowTerminatingError(ErrorMapper.InvalidArgument("Qics.InvalidRedirectUri", $"Cannot listen for the sign-in at '{RedirectUri}': {ex.Message}", RedirectUri));
            }
        }

        var connection = new QicsConnection(baseUri, clientId, tenant, listener?.RedirectUri);
        var (runtime, provider) = QicsSession.Create(connection, secret, apiKey, retry: Deadlines());
        try
        {
            using (listener)
            {
                if (listener is null)
                {
                    provider.UseRefreshToken(RefreshToken);
                }
                else
                {
                    var (code, redirectUri) = SignIn(listener, baseUri, clientId, sandbox);
                    provider.UseAuthorizationCode(code, redirectUri); // the token request repeats redirect_uri exactly
                }
            }
        }
        catch
        {
            runtime.Dispose(); // a sign-in that failed leaves no sockets behind
            throw;
        }

        Open(connection, runtime, async (output, token) => await runtime.Tokens.GetAsync(output, token).ConfigureAwait(false),
            () => $"Connected to QicsMilestones at {baseUri}, tenant {tenant}; token valid until {connection.ExpiresOn:u}. Store the connection's RefreshToken: it rotates on every refresh.");
    }

    /// <summary>The browser half: show the authorize page, wait for the redirect, return the code and the redirect_uri sent.</summary>
    private (string Code, Uri RedirectUri) SignIn(LoopbackRedirectListener listener, Uri baseUri, string clientId, bool sandbox)
    {
        string state = NewState();
        Uri redirectUri = QicsApi.RedirectWithState(listener.RedirectUri, state);
        Uri authorize = AuthorizeUri(baseUri, clientId, redirectUri, state);
        string? opened = null;
        if (sandbox)
        {
            opened = "the sandbox (no browser needed)";
        }
        else if (!NoBrowser)
        {
            opened = BrowserLauncher.Open(authorize);
        }

        if (opened is null)
        {
            // Shown like Write-Host (the person must see it) and kept in the information stream for scripts.
            WriteInformation(new HostInformationMessage { Message = $"Open this address in a browser to sign in to QicsMilestones (waiting up to {TimeoutSec} s on {listener.RedirectUri}):{Environment.NewLine}{authorize.AbsoluteUri}" }, new[] { "PSHOST", "Qics.SignInUri" });
        }
        else
        {
            WriteVerbose($"Opened {opened} at the QicsMilestones sign-in; waiting up to {TimeoutSec} s for it to return to {listener.RedirectUri}.");
        }

        IReadOnlyDictionary<string, string>? answer = Run(async (output, token) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
            timeout.CancelAfter(TimeSpan.FromSeconds(TimeoutSec));
            Task<IReadOnlyDictionary<string, string>> wait = listener.WaitAsync(state, QicsApi.RedirectStateParameter, Page, timeout.Token);
            if (sandbox)
            {
                await FollowAsync(authorize, listener.RedirectUri, timeout.Token).ConfigureAwait(false);
            }

            try
            {
                return await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                throw new ApiException(QicsApi.SystemName, $"No sign-in reached {listener.RedirectUri} within {TimeoutSec} s.", ErrorCategory.OperationTimeout, "Qics.SignInTimeout") { IsTerminating = true, RecommendedAction = "Run Connect-Qics again and finish the sign-in in the browser, or raise -TimeoutSec." };
            }
        }, target: authorize, failuresTerminate: true);

        if (answer is null || !answer.TryGetValue("code", out string? code) || string.IsNullOrEmpty(code))
        {
            string error = answer is not null && answer.TryGetValue("error", out string? e) ? e : "no code";
            string description = answer is not null && answer.TryGetValue("error_description", out string? d) ? $": {d}" : string.Empty;
            var refused = new ApiException(QicsApi.SystemName, $"QicsMilestones did not authorize the application ({error}{description}).", ErrorCategory.AuthenticationError, "Qics.AuthorizationRefused") { IsTerminating = true };
            ThrowTerminatingError(ErrorMapper.ToErrorRecord(refused, authorize));
            return (string.Empty, redirectUri);
        }

        return (code, redirectUri);
    }

    internal static Uri AuthorizeUri(Uri baseUri, string clientId, Uri redirectUri, string state) =>
        new($"{baseUri.AbsoluteUri.TrimEnd('/')}/{QicsApi.Authorize}?response_type=code&client_id={Uri.EscapeDataString(clientId)}&redirect_uri={Uri.EscapeDataString(redirectUri.AbsoluteUri)}&state={state}");

    private static string Page(IReadOnlyDictionary<string, string> answer) =>
        answer.ContainsKey("code")
            ? "Signed in to QicsMilestones. You can close this window and return to PowerShell."
            : $"QicsMilestones did not authorize the application ({(answer.TryGetValue("error", out string? e) ? e : "unknown error")}). You can close this window.";

    // The sandbox approves without a login form: following its redirect is all a browser would do. An answer that
    // does not come back to the listener (no sandbox there, a 404) fails at once instead of waiting for the timeout.
    private static async Task FollowAsync(Uri authorize, Uri redirectUri, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        try
        {
            using HttpResponseMessage response = await http.GetAsync(authorize, cancellationToken).ConfigureAwait(false);
            Uri? landed = response.RequestMessage?.RequestUri;
            if (landed is null || landed.Port != redirectUri.Port || !landed.IsLoopback)
            {
                throw new ApiException(QicsApi.SystemName, $"The sandbox at {authorize.GetLeftPart(UriPartial.Path)} did not send the sign-in back ({(int)response.StatusCode} {response.ReasonPhrase}). Is it running, and is $env:ERPCONNECTORS_SANDBOX_URI right?", ErrorCategory.ConnectionError, "Qics.SandboxSignInFailed") { IsTerminating = true };
            }
        }
        catch (HttpRequestException ex)
        {
            throw new ApiException(QicsApi.SystemName, $"The sandbox at {authorize.GetLeftPart(UriPartial.Path)} cannot be reached ({ex.Message}). Start it with: dotnet run --project src/ErpConnectors.Sandbox", ErrorCategory.ConnectionError, "Qics.SandboxUnreachable", ex) { IsTerminating = true };
        }
    }

    private static string NewState()
    {
        byte[] bytes = new byte[16];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        return BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
    }

    private Uri ResolveBaseUri()
    {
        if (Sandbox)
        {
            return new Uri(SandboxDefaults.Root, QicsApi.SandboxPath);
        }

        if (BaseUri is null)
        {
            return QicsApi.ProductionUri;
        }

        return CheckBaseUri(BaseUri, QicsApi.SystemName);
    }
}
