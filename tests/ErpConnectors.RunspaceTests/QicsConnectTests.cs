using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>The sign-in flows. One class: the BROWSER test sets a process-wide environment variable.</summary>
public class QicsConnectTests : IClassFixture<QicsSandboxFixture>
{
    private readonly QicsSandboxFixture _sandbox;

    public QicsConnectTests(QicsSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void The_browser_from_BROWSER_signs_in_and_the_code_is_exchanged()
    {
        using var session = new PowerShellSession();
        int exchanges = _sandbox.Server.Qics.CodeExchanges;
        // The "browser" is curl following the sandbox's redirect back to the module's loopback listener.
        var result = session.Run(@"
            $env:BROWSER = 'curl -s -o /dev/null -L %s'
            try { Connect-Qics -BaseUri $uri -ClientId $clientId -ClientSecret $secret -ApiKey $key -TenantId $tenant -TimeoutSec 60 -PassThru }
            finally { Remove-Item Env:BROWSER -ErrorAction SilentlyContinue }", _sandbox.Variables());

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        var connection = Assert.Single(result.Output);
        Assert.Equal(3L, connection.Properties["TenantId"].Value);
        Assert.StartsWith("http://localhost:", connection.Properties["RedirectUri"].Value.ToString(), StringComparison.Ordinal);
        Assert.NotNull(connection.Properties["RefreshToken"].Value);
        Assert.Equal(exchanges + 1, _sandbox.Server.Qics.CodeExchanges);
        var authorize = Assert.Single(_sandbox.Calls("GET", "/oauth2/oauth2/auth"));
        Assert.Equal("code", authorize.QueryValue("response_type"));
        string state = authorize.QueryValue("state")!;
        Assert.NotNull(state);
        // The state rides in redirect_uri's own query too: the guide promises to keep that, not to echo state.
        Assert.EndsWith("/?erp_state=" + state, authorize.QueryValue("redirect_uri"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_sign_in_works_whether_or_not_the_server_echoes_state(bool echo)
    {
        _sandbox.Server.Qics.Options.EchoState = echo;
        using var session = new PowerShellSession();
        var result = session.Run(@"
            $env:BROWSER = 'curl -s -o /dev/null -L %s'
            try { (Connect-Qics -BaseUri $uri -ClientId $clientId -ClientSecret $secret -ApiKey $key -TenantId $tenant -TimeoutSec 60 -PassThru).TenantId }
            finally { [Environment]::SetEnvironmentVariable('BROWSER', $null) }", _sandbox.Variables());

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(3L, Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public async Task NoBrowser_prints_the_address_and_a_person_following_it_completes_the_sign_in()
    {
        using var session = new PowerShellSession();
        foreach (DictionaryEntry variable in _sandbox.Variables())
        {
            session.Runspace.SessionStateProxy.SetVariable((string)variable.Key, variable.Value);
        }

        using var shell = PowerShell.Create();
        shell.Runspace = session.Runspace;
        shell.AddScript("Connect-Qics -BaseUri $uri -ClientId $clientId -ClientSecret $secret -ApiKey $key -TenantId $tenant -NoBrowser -TimeoutSec 60; (Get-QicsConnection).TenantId");
        using var printed = new ManualResetEventSlim();
        string? message = null;
        shell.Streams.Information.DataAdded += (_, e) =>
        {
            message = shell.Streams.Information[e.Index].MessageData?.ToString();
            printed.Set();
        };
        IAsyncResult running = shell.BeginInvoke();
        Assert.True(printed.Wait(TimeSpan.FromSeconds(30)), "the sign-in address was never printed");
        string address = message!.Split('\n').Last().Trim();
        Assert.StartsWith(_sandbox.Server.QicsBaseUri + "/oauth2/oauth2/auth?", address, StringComparison.Ordinal);

        using (var browser = new HttpClient())
        {
            var page = await browser.GetStringAsync(new Uri(address)); // follows the redirect to the listener
            Assert.Contains("Signed in", page, StringComparison.Ordinal);
        }

        var output = shell.EndInvoke(running);
        Assert.False(shell.HadErrors, string.Join("; ", shell.Streams.Error));
        Assert.Equal(3L, Assert.Single(output).BaseObject);
        var info = Assert.Single(shell.Streams.Information);
        Assert.Contains("PSHOST", info.Tags);
    }

    [Fact]
    public void A_denied_authorization_is_a_terminating_authentication_error()
    {
        using var session = new PowerShellSession();
        _sandbox.Server.Qics.DenyNextAuthorization();
        int exchanges = _sandbox.Server.Qics.CodeExchanges;

        var result = session.Run(@"
            $env:BROWSER = 'curl -s -o /dev/null -L %s'
            try { Connect-Qics -BaseUri $uri -ClientId $clientId -ClientSecret $secret -ApiKey $key -TenantId $tenant -TimeoutSec 60 }
            finally { Remove-Item Env:BROWSER -ErrorAction SilentlyContinue }", _sandbox.Variables());

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("access_denied", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(exchanges, _sandbox.Server.Qics.CodeExchanges);
        Assert.Empty(session.RunOk("Get-QicsConnection"));
    }

    [Fact]
    public void The_sign_in_wait_times_out_cleanly()
    {
        using var session = new PowerShellSession();
        var result = session.Run("Connect-Qics -BaseUri $uri -ClientId $clientId -ClientSecret $secret -ApiKey $key -TenantId $tenant -NoBrowser -TimeoutSec 1", _sandbox.Variables());

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Empty(session.RunOk("Get-QicsConnection"));
    }

    [Fact]
    public void Stopping_the_pipeline_ends_the_sign_in_wait()
    {
        using var session = new PowerShellSession();
        foreach (DictionaryEntry variable in _sandbox.Variables())
        {
            session.Runspace.SessionStateProxy.SetVariable((string)variable.Key, variable.Value);
        }

        using var shell = PowerShell.Create();
        shell.Runspace = session.Runspace;
        shell.AddScript("Connect-Qics -BaseUri $uri -ClientId $clientId -ClientSecret $secret -ApiKey $key -TenantId $tenant -NoBrowser -TimeoutSec 600");
        using var printed = new ManualResetEventSlim();
        shell.Streams.Information.DataAdded += (_, _) => printed.Set();
        IAsyncResult running = shell.BeginInvoke();
        Assert.True(printed.Wait(TimeSpan.FromSeconds(30)));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        shell.Stop(); // what Ctrl+C does
        Assert.True(running.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
    }

    [Fact]
    public void A_runbook_connects_with_a_stored_refresh_token_and_gets_the_rotated_one_back()
    {
        using var session = new PowerShellSession();
        var variables = _sandbox.Variables();
        var result = session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + @"
            $connection = Get-QicsConnection
            $rotated = [System.Net.NetworkCredential]::new('', $connection.RefreshToken).Password
            $original = [System.Net.NetworkCredential]::new('', $refresh).Password
            $rotated -ne $original
            $connection.RefreshCount", variables);

        Assert.True((bool)result[0].BaseObject);
        Assert.Equal(1, result[1].BaseObject);

        // The stored token is dead now; the one handed back works, as a runbook's next run would use it.
        using var next = new PowerShellSession();
        var dead = next.Run(QicsSandboxFixture.ConnectWithRefreshToken, variables);
        Assert.NotNull(dead.Terminating);
        Assert.Contains("invalid_grant", dead.Terminating!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verbose_and_Debug_never_show_tokens_secrets_or_the_api_key()
    {
        using var session = new PowerShellSession();
        var result = session.Run(QicsSandboxFixture.ConnectWithRefreshToken + " -Verbose -Debug; Get-QicsEntity OverviewCustomer -First 2 -Verbose -Debug", _sandbox.Variables());

        Assert.Null(result.Terminating);
        string everything = string.Join("\n", result.Verbose.Concat(result.Debug));
        Assert.Contains("GET /qics/api/V3/odata/OverviewCustomer", everything, StringComparison.Ordinal);
        var call = _sandbox.Calls("GET", "/V3/odata/OverviewCustomer")[0];
        string bearer = call.Headers["Authorization"]["Bearer ".Length..];
        Assert.DoesNotContain(bearer, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxCredentials.QicsApiKey, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxCredentials.QicsClientSecret, everything, StringComparison.Ordinal);
    }
}
