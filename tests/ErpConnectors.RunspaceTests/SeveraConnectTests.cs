using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

[Collection(SandboxEnvironmentVariable.Name)]
public class SeveraConnectTests : IClassFixture<SeveraSandboxFixture>
{
    private readonly SeveraSandboxFixture _sandbox;

    public SeveraConnectTests(SeveraSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void Connect_gets_a_token_and_the_connection_shows_who_where_scopes_and_expiry_but_no_secret()
    {
        using var session = new PowerShellSession();
        var connection = session.RunOk("Connect-Severa -BaseUri $uri -Credential $cred -Scope customers:read -PassThru", _sandbox.Variables()).Single();

        Assert.Equal("sandbox-client", connection.Properties["ClientId"].Value);
        Assert.Equal(new[] { "customers:read" }, (string[])connection.Properties["Scopes"].Value);
        var expires = (DateTimeOffset?)connection.Properties["ExpiresOn"].Value;
        Assert.True(expires > DateTimeOffset.UtcNow.AddMinutes(30));
        Assert.Single(_sandbox.Calls("POST", "/token"));

        // Nothing the connection shows is the token or the secret.
        string token = BearerOfNextCall(session);
        foreach (var property in connection.Properties)
        {
            string text = Convert.ToString(property.Value is Array a ? string.Join(" ", a.Cast<object>()) : property.Value) ?? string.Empty;
            Assert.DoesNotContain(SandboxCredentials.SeveraClientSecret, text);
            Assert.DoesNotContain(token, text);
        }

        var shown = session.RunOk("Get-SeveraConnection").Single();
        Assert.Same(connection.BaseObject, shown.BaseObject);
    }

    // The token the module sends, read from the sandbox's request log.
    private string BearerOfNextCall(PowerShellSession session)
    {
        session.RunOk("Get-SeveraCustomer -First 1 | Out-Null");
        var call = _sandbox.Calls("GET", "/customers")[^1];
        string header = call.Headers["Authorization"];
        Assert.StartsWith("Bearer ", header);
        return header.Substring("Bearer ".Length);
    }

    [Fact]
    public void A_wrong_secret_is_a_terminating_authentication_error_with_the_servers_message()
    {
        using var session = new PowerShellSession();
        var result = session.Run("Connect-Severa -BaseUri $uri -Credential $cred", _sandbox.Variables(SeveraSandboxFixture.Credential(secret: "wrong")));

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("No client id with given credentials found", error.ToString());
        Assert.Empty(session.RunOk("Get-SeveraConnection"));
    }

    [Fact]
    public void A_scope_the_client_may_not_have_is_refused_with_the_accepted_scopes()
    {
        using var session = new PowerShellSession();
        var credential = SeveraSandboxFixture.Credential(SandboxCredentials.SeveraReadOnlyClientId, SandboxCredentials.SeveraReadOnlyClientSecret);
        var result = session.Run("Connect-Severa -BaseUri $uri -Credential $cred -Scope customers:read, invoices:read", _sandbox.Variables(credential));

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Contains("invoices:read", error.ToString());
        Assert.Contains("scopes accepted: customers:read", error.ToString());
    }

    [Fact]
    public void Credentials_never_travel_over_plain_http_to_another_host()
    {
        using var session = new PowerShellSession();
        var result = session.Run("Connect-Severa -BaseUri 'http://severa.example.com/rest-api/v1.0' -Credential $cred", _sandbox.Variables());

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
    }

    [Fact]
    public void Sandbox_switch_connects_with_the_demo_client_from_the_environment_uri()
    {
        using var session = new PowerShellSession();
        var result = session.RunOk(
            "$env:ERPCONNECTORS_SANDBOX_URI = $root; Connect-Severa -Sandbox -PassThru",
            new System.Collections.Hashtable { ["root"] = _sandbox.Server.RootUri.AbsoluteUri });

        Assert.Equal(_sandbox.Server.SeveraBaseUri.AbsoluteUri.TrimEnd('/'), ((Uri)result.Single().Properties["BaseUri"].Value).AbsoluteUri.TrimEnd('/'));
    }

    // In this class because it sets the process-wide sandbox variable, as the -Sandbox test does.
    [Fact]
    public void The_README_quick_start_runs_against_the_sandbox_and_shows_default_views()
    {
        string script = ErpConnectors.Demo.ReadmeScript.Extract(Path.Combine(ModulePaths.RepoRoot, "README.md"), "quickstart");
        using var session = new PowerShellSession();
        // Rendered as pwsh's host renders it: the module's table views, then the CSV line.
        var text = (string)session.RunOk("$env:ERPCONNECTORS_SANDBOX_URI = $root\n& {\n" + script + "\n} | Out-String -Width 200", new System.Collections.Hashtable { ["root"] = _sandbox.Server.RootUri.AbsoluteUri })
            .Single().BaseObject;
        var lines = text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();

        int customers = lines.FindIndex(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*Number\s+Name\s+IsActive\s+Email\s+Owner\s+City$"));
        Assert.True(customers >= 0, text);
        Assert.All(lines.Skip(customers + 2).Take(5), l => Assert.Matches(@"^\s*\d+ Customer ", l));
        int invoices = lines.FindIndex(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*Number\s+Date\s+DueDate\s+Customer\s+Status\s+TotalExcludingTax$"));
        Assert.True(invoices > customers, text);
        Assert.All(lines.Skip(invoices + 2).Take(3), l => Assert.Contains(" Approved ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^Description\s+Quantity\s+UnitPrice\s+VatRate\s+TotalExcludingTax$"));
        Assert.Matches(@"^\d+ active customers written to .*active-customers\.csv$", lines[^1]);
    }

    [Fact]
    public void The_README_Severa_sync_example_runs_against_the_sandbox()
    {
        string script = ErpConnectors.Demo.ReadmeScript.Extract(Path.Combine(ModulePaths.RepoRoot, "README.md"), "severa-sync");
        using var session = new PowerShellSession();
        var output = session.RunOk("$env:ERPCONNECTORS_SANDBOX_URI = $root\n" + script, new System.Collections.Hashtable { ["root"] = _sandbox.Server.RootUri.AbsoluteUri })
            .Select(o => o.ToString()).ToList();

        Assert.Matches(@"^\d+ changed, 1 deleted; deleted [0-9a-f-]{36}: True$", Assert.Single(output));
    }

    // Here too because it sets the process-wide sandbox variable. The Severa fixture's sandbox serves Jiwa as well.
    [Fact]
    public void The_README_Jiwa_example_runs_against_the_sandbox()
    {
        string script = ErpConnectors.Demo.ReadmeScript.Extract(Path.Combine(ModulePaths.RepoRoot, "README.md"), "jiwa-example");
        using var session = new PowerShellSession();
        var output = session.RunOk("$env:ERPCONNECTORS_SANDBOX_URI = $root\n" + script, new System.Collections.Hashtable { ["root"] = _sandbox.Server.RootUri.AbsoluteUri })
            .Select(o => o.ToString()).ToList();

        Assert.Equal(8, output.Count);
        Assert.All(output.Take(5), line => Assert.Matches("^C\\d+ +A", line));
        Assert.Matches("^Order SO\\d+ for C\\d+: 2 lines, 2 notes, total [1-9]", output[5]);
        Assert.Matches("^SO\\d+ C\\d+$", output[6]);
        Assert.Matches("^C\\d+: phone 02 9999 0000, credit limit 5000$", output[7]);
    }

    // Here too because it sets the process-wide sandbox variable. The Severa fixture's sandbox serves Qics as well.
    [Fact]
    public void The_README_Qics_example_runs_against_the_sandbox()
    {
        string script = ErpConnectors.Demo.ReadmeScript.Extract(Path.Combine(ModulePaths.RepoRoot, "README.md"), "qics-example");
        using var session = new PowerShellSession();
        var output = session.RunOk("$env:ERPCONNECTORS_SANDBOX_URI = $root\n" + script, new System.Collections.Hashtable { ["root"] = _sandbox.Server.RootUri.AbsoluteUri })
            .Select(o => o.ToString()).ToList();

        Assert.Equal(3, output.Count);
        Assert.Matches("^\\d+ active customers; first: ", output[0]);
        Assert.Matches("^Customer \\d+: error=False Synchronized$", output[1]);
        Assert.Matches("^Customer \\d+: error=True E-mail address rejected \\| Phone number too long$", output[2]);
    }

    // Here too because it sets the process-wide sandbox variable. The Severa fixture's sandbox serves Weavy as well.
    [Fact]
    public void The_README_Weavy_example_runs_against_the_sandbox()
    {
        string script = ErpConnectors.Demo.ReadmeScript.Extract(Path.Combine(ModulePaths.RepoRoot, "README.md"), "weavy-example");
        using var session = new PowerShellSession();
        var output = session.RunOk("$env:ERPCONNECTORS_SANDBOX_URI = $root\n" + script, new System.Collections.Hashtable { ["root"] = _sandbox.Server.RootUri.AbsoluteUri })
            .Select(o => o.ToString()).ToList();

        Assert.Equal(5, output.Count);
        Assert.Matches("^\\d+ customers in Lyon above 1000; first: ", output[0]);
        Assert.Equal("batch 1: 1000 rows, 1000 added, 0 updated", output[1]);
        Assert.Equal("batch 3: 500 rows, 500 added, 0 updated", output[3]);
        Assert.Equal("50 marked as exported, 0 changed since they were read", output[4]);
    }

    [Fact]
    public void The_README_Microbizz_example_runs_against_the_sandbox()
    {
        string script = ErpConnectors.Demo.ReadmeScript.Extract(Path.Combine(ModulePaths.RepoRoot, "README.md"), "microbizz-example");
        using var session = new PowerShellSession();
        var output = session.RunOk("$env:ERPCONNECTORS_SANDBOX_URI = $root\n" + script, new System.Collections.Hashtable { ["root"] = _sandbox.Server.RootUri.AbsoluteUri })
            .Select(o => o.ToString()).ToList();

        Assert.Equal(5, output.Count);
        Assert.Matches("^task \\d+: Leak under the stairs \\(NEW\\)$", output[0]);
        Assert.Equal("assigned to user 1", output[1]);
        Assert.Equal("STARTED", output[2]);
        Assert.Equal("leak-copy.png: 8 bytes", output[3]);
        Assert.Matches("^[1-9]\\d* notifications marked read, 0 still unread$", output[4]);
    }

    [Fact]
    public void Cmdlets_without_a_connection_fail_with_a_terminating_not_connected_error()
    {
        using var session = new PowerShellSession();
        var result = session.Run("Get-SeveraCustomer -First 1");

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal("Severa.NotConnected,ErpConnectors.Severa.Cmdlets.GetSeveraCustomerCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void Disconnect_forgets_the_default_connection()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect + "; Disconnect-Severa", _sandbox.Variables());

        Assert.Empty(session.RunOk("Get-SeveraConnection"));
        Assert.NotNull(session.Run("Get-SeveraCustomer -First 1").Terminating);
    }
}
