using System.Collections;
using System.Management.Automation;
using System.Security;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>One sandbox with all five systems and its second origin, for the hostile-network tests.</summary>
public sealed class HostileSandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await SandboxServer.StartAsync(new SandboxOptions { Severa = { CustomerCount = 300 } });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Reset()
    {
        foreach (var faults in new[] { Server.Severa.Faults, Server.Jiwa.Faults, Server.Qics.Faults, Server.Weavy.Faults, Server.Microbizz.Faults })
        {
            faults.Reset();
        }

        Server.Foreign.Clear();
    }

    public FaultOptions Faults(string system) => system switch
    {
        "Severa" => Server.Severa.Faults,
        "Jiwa" => Server.Jiwa.Faults,
        "Qics" => Server.Qics.Faults,
        "Weavy" => Server.Weavy.Faults,
        _ => Server.Microbizz.Faults,
    };

    /// <summary>Connects to one system; extra Connect-* parameters (deadlines) go after it.</summary>
    public static string Connect(string system, string extra = "") => system switch
    {
        "Severa" => $"Connect-Severa -BaseUri $su -Credential $scred {extra}",
        "Jiwa" => $"Connect-Jiwa -BaseUri $ju -Credential $jcred {extra}",
        "Qics" => $"Connect-Qics -BaseUri $qu -ClientId $qid -ClientSecret $qsecret -ApiKey $qkey -TenantId $qtenant -RefreshToken $qrefresh {extra}",
        "Weavy" => $"Connect-Weavy -ProjectCode DEMO -Credential $wcred -BaseUri $wu -CompanyCode C01 {extra}",
        _ => $"Connect-Microbizz -Credential $mcred -BaseUri $mu {extra}",
    };

    /// <summary>A list read of each system (at least two records).</summary>
    public static string List(string system) => system switch
    {
        "Severa" => "Get-SeveraCustomer -First 5",
        "Jiwa" => "Get-JiwaDebtor -First 5",
        "Qics" => "Get-QicsEntity OverviewCustomer -First 5",
        "Weavy" => "Get-WeavyRecord customer -First 5",
        _ => "Get-MicrobizzObject task -First 5",
    };

    /// <summary>The sign-in route of each system (what a queued fault must name to hit it).</summary>
    public static string SignIn(string system) => system switch
    {
        "Severa" => "/token",
        "Jiwa" => "/auth",
        "Qics" => "oauth2/token",
        "Weavy" => "Authenticate",
        _ => "/login",
    };

    /// <summary>The secret each sign-in sends (a refresh token for Qics, the client secret for Severa, a password otherwise).</summary>
    public string Secret(string system, IDictionary variables) => system switch
    {
        "Severa" => SandboxCredentials.SeveraClientSecret,
        "Jiwa" => SandboxCredentials.JiwaPassword,
        "Qics" => (string)variables["qrefreshText"]!,
        "Weavy" => SandboxCredentials.WeavyPassword,
        _ => SandboxCredentials.MicrobizzPassword,
    };

    public IDictionary Variables()
    {
        string refresh = Server.Qics.IssueRefreshToken();
        return new Hashtable
        {
            ["su"] = Server.SeveraBaseUri,
            ["scred"] = SeveraSandboxFixture.Credential(),
            ["ju"] = Server.JiwaBaseUri,
            ["jcred"] = SeveraSandboxFixture.Credential(SandboxCredentials.JiwaUserName, SandboxCredentials.JiwaPassword),
            ["qu"] = Server.QicsBaseUri,
            ["qid"] = SandboxCredentials.QicsClientId,
            ["qsecret"] = Secure(SandboxCredentials.QicsClientSecret),
            ["qkey"] = Secure(SandboxCredentials.QicsApiKey),
            ["qtenant"] = SandboxCredentials.QicsTenantId,
            ["qrefresh"] = Secure(refresh),
            ["qrefreshText"] = refresh,
            ["wu"] = Server.WeavyBaseUri,
            ["wcred"] = SeveraSandboxFixture.Credential(SandboxCredentials.WeavyUserName, SandboxCredentials.WeavyPassword),
            ["mu"] = Server.MicrobizzBaseUri,
            ["mcred"] = SeveraSandboxFixture.Credential(SandboxCredentials.MicrobizzUserName, SandboxCredentials.MicrobizzPassword),
        };
    }

    private static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        return secure;
    }
}

/// <summary>
/// Each hostile-network fault of the sandbox, end to end through the real engine, for all five systems: the
/// redirect policy, deadlines over stalled and trickling bodies, echoing gateways, and addresses and routes that
/// would carry a credential where it does not belong.
/// </summary>
public sealed class HostileNetworkTests : IClassFixture<HostileSandboxFixture>
{
    public static readonly TheoryData<string> Systems = new() { "Severa", "Jiwa", "Qics", "Weavy", "Microbizz" };

    private readonly HostileSandboxFixture _sandbox;

    public HostileNetworkTests(HostileSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    private static ErrorRecord Stopped(ScriptResult result) => Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;

    [Theory]
    [MemberData(nameof(Systems))]
    public void A_sign_in_redirected_to_another_origin_fails_and_sends_nothing_there(string system)
    {
        _sandbox.Faults(system).Hostile.Enqueue(new HostileFault(HostileFaultKind.RedirectForeignKeepMethod, PathContains: HostileSandboxFixture.SignIn(system)));
        using var session = new PowerShellSession();

        var result = session.Run(HostileSandboxFixture.Connect(system), _sandbox.Variables());

        var error = Stopped(result);
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.StartsWith($"{system}.RedirectRefused", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(_sandbox.Server.Foreign.RootUri.Authority, error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Server.Foreign.Requests);
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void A_data_call_redirected_to_another_origin_is_an_error_and_no_credential_goes_there(string system)
    {
        using var session = new PowerShellSession();
        session.RunOk(HostileSandboxFixture.Connect(system), _sandbox.Variables());
        _sandbox.Faults(system).Hostile.Enqueue(new HostileFault(HostileFaultKind.RedirectForeign));

        var result = session.Run(HostileSandboxFixture.List(system));

        var error = Assert.Single(result.Errors.Concat(result.Terminating is IContainsErrorRecord stop ? [stop.ErrorRecord] : []));
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.StartsWith($"{system}.RedirectRefused", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Server.Foreign.Requests);
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void A_same_origin_redirect_of_a_read_is_followed(string system)
    {
        using var session = new PowerShellSession();
        session.RunOk(HostileSandboxFixture.Connect(system), _sandbox.Variables());
        _sandbox.Faults(system).Hostile.Enqueue(new HostileFault(HostileFaultKind.RedirectSameOrigin));

        var rows = session.RunOk(HostileSandboxFixture.List(system));

        Assert.Equal(5, rows.Count);
        Assert.Equal(0, _sandbox.Faults(system).Hostile.PendingCount); // the redirect did happen
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void A_body_that_stalls_ends_with_a_timeout_error(string system)
    {
        using var session = new PowerShellSession();
        session.RunOk(HostileSandboxFixture.Connect(system, "-IdleTimeoutSec 1"), _sandbox.Variables());
        _sandbox.Faults(system).Hostile.Enqueue(new HostileFault(HostileFaultKind.StallBody, Method: "GET"));

        var result = session.Run(HostileSandboxFixture.List(system));

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.StartsWith($"{system}.Timeout", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_trickles_ends_at_the_total_deadline()
    {
        using var session = new PowerShellSession();
        session.RunOk(HostileSandboxFixture.Connect("Severa", "-IdleTimeoutSec 30 -RequestTimeoutSec 1"), _sandbox.Variables());
        _sandbox.Server.Severa.Faults.Hostile.TrickleInterval = TimeSpan.FromMilliseconds(50);
        _sandbox.Server.Severa.Faults.Hostile.Enqueue(new HostileFault(HostileFaultKind.TrickleBody, Method: "GET"));

        var result = session.Run("Get-SeveraCustomer -First 50");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("total timeout", error.Exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void A_gateway_echoing_the_sign_in_puts_no_secret_into_the_error(string system)
    {
        _sandbox.Faults(system).Hostile.EchoStatus = 403; // a firewall's refusal: not retried, so the echo is what Connect reports
        _sandbox.Faults(system).Hostile.Enqueue(new HostileFault(HostileFaultKind.EchoRequest, PathContains: HostileSandboxFixture.SignIn(system)));
        using var session = new PowerShellSession();
        var variables = _sandbox.Variables();

        var result = session.Run(HostileSandboxFixture.Connect(system), variables);

        var error = Stopped(result);
        string secret = _sandbox.Secret(system, variables);
        Assert.Contains("403", error.Exception.Message, StringComparison.Ordinal); // the refusal is shown...
        Assert.DoesNotContain(secret, error.Exception.Message, StringComparison.Ordinal); // ...without the secret
        Assert.DoesNotContain(secret, error.ErrorDetails?.Message ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void A_password_in_BaseUri_is_refused_without_echoing_it(string system)
    {
        using var session = new PowerShellSession();
        var variables = _sandbox.Variables();
        string key = system switch { "Severa" => "su", "Jiwa" => "ju", "Qics" => "qu", "Weavy" => "wu", _ => "mu" };
        var uri = (Uri)variables[key]!;
        variables[key] = new Uri($"{uri.Scheme}://someone:pa55word-in-uri@{uri.Authority}{uri.AbsolutePath}");

        var result = session.Run(HostileSandboxFixture.Connect(system), variables);

        var error = Stopped(result);
        Assert.StartsWith($"{system}.CredentialInBaseUri", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.DoesNotContain("pa55word", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", error.TargetObject?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Severa", "../../jiwa/auth")]
    [InlineData("Jiwa", "../severa/rest-api/v1.0/token")]
    [InlineData("Qics", "%2e%2e/%2e%2e/jiwa/auth")]
    [InlineData("Weavy", "v1/%2E%2E/%2E%2E/../jiwa/auth")]
    [InlineData("Microbizz", "..%2f..%2fjiwa/auth")]
    public void Invoke_Request_refuses_a_path_that_leaves_the_api_root(string system, string path)
    {
        using var session = new PowerShellSession();
        session.RunOk(HostileSandboxFixture.Connect(system), _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        var result = session.Run($"Invoke-{system}Request -Path '{path}'");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ErpConnectors.PathOutsideBase,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(path, error.TargetObject);
        Assert.DoesNotContain(_sandbox.Server.Requests.AnsweredSnapshot(), r => r.Path.Contains("/auth", StringComparison.Ordinal) || r.Path.EndsWith("/token", StringComparison.Ordinal));
    }

    [Fact]
    public void A_write_that_timed_out_says_it_may_have_been_applied()
    {
        using var session = new PowerShellSession();
        session.RunOk(HostileSandboxFixture.Connect("Severa", "-IdleTimeoutSec 1"), _sandbox.Variables());
        _sandbox.Server.Severa.Faults.Hostile.Enqueue(new HostileFault(HostileFaultKind.StallBody, Method: "POST"));

        var result = session.Run("Invoke-SeveraRequest -Method POST -Path customers -Body @{ name = 'Timeout Oy' } -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Contains("may have applied", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Read the record again", error.ErrorDetails?.RecommendedAction ?? string.Empty, StringComparison.Ordinal);
    }
}
