using System.Diagnostics;
using System.Management.Automation;

namespace ErpConnectors.RunspaceTests;

/// <summary>
/// Start-ErpSandbox and the cmdlets that steer it, in the real engine, with the sandbox the build put beside the
/// module (out/ErpConnectors/sandbox) run as its own process, as a user's session would run it.
/// </summary>
public sealed class ErpSandboxCmdletTests
{
    [Fact]
    public void Start_ErpSandbox_starts_a_sandbox_on_a_free_port_that_Connect_Sandbox_uses_in_this_session()
    {
        using var session = new PowerShellSession();
        var sandbox = session.RunOk("Start-ErpSandbox -SeveraCustomers 30 -WeavyCustomers 5").Single();
        var root = (Uri)sandbox.Properties["RootUri"].Value;
        int processId = (int)sandbox.Properties["ProcessId"].Value;
        try
        {
            Assert.Equal("127.0.0.1", root.Host);
            Assert.Equal(new Uri(root, "severa/rest-api/v1.0"), (Uri)session.RunOk("$sb.Severa.BaseUri", Args(sandbox)).Single().BaseObject);
            Assert.Equal("sandbox-secret", session.RunOk("$sb.Severa.Credentials.clientSecret", Args(sandbox)).Single().ToString());
            Assert.Equal("sandbox-password", session.RunOk("$sb.Weavy.Credentials.password", Args(sandbox)).Single().ToString());

            var connection = session.RunOk("Connect-Severa -Sandbox -PassThru").Single();
            Assert.StartsWith(root.ToString(), connection.Properties["BaseUri"].Value.ToString(), StringComparison.Ordinal);
            Assert.Equal(30, session.RunOk("@(Get-SeveraCustomer).Count").Single().BaseObject);
        }
        finally
        {
            session.RunOk("Stop-ErpSandbox");
        }

        Assert.True(Exited(processId));
    }

    [Fact]
    public void Set_ErpSandbox_and_Add_ErpSandboxFault_change_the_running_sandbox_and_Get_ErpSandboxRequest_shows_what_reached_it()
    {
        using var session = new PowerShellSession();
        session.RunOk("$null = Start-ErpSandbox -SeveraCustomers 12");
        try
        {
            var severa = session.RunOk("Set-ErpSandbox -System Severa -TokenLifetime 2 -Latency 1 -PassThru").Single();
            var settings = (System.Collections.IDictionary)severa.Properties["Settings"].Value;
            Assert.Equal(2, Convert.ToInt32(settings["tokenLifetime"], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0.001, Convert.ToDouble(settings["latency"], System.Globalization.CultureInfo.InvariantCulture));

            session.RunOk("Add-ErpSandboxFault -System Severa -StatusCode 429 -PathContains customers; Clear-ErpSandboxRequest");
            session.RunOk("Connect-Severa -Sandbox");
            Assert.Equal(12, session.RunOk("@(Get-SeveraCustomer).Count").Single().BaseObject);

            // Token renewals may come between (tokens live 2 s, and a loaded machine is slow): the customers calls are
            // the one faulted and then the answered one, and every sign-in body is masked.
            var requests = session.RunOk("Get-ErpSandboxRequest -System Severa");
            Assert.Equal("POST /severa/rest-api/v1.0/token", $"{requests[0].Properties["Method"].Value} {requests[0].Properties["Path"].Value}");
            string[] customers = [.. requests.Where(r => r.Properties["Path"].Value.ToString()!.EndsWith("/customers", StringComparison.Ordinal))
                .Select(r => $"{r.Properties["Method"].Value} {r.Properties["StatusCode"].Value} {r.Properties["FaultInjected"].Value} {r.Properties["Query"].Value}")];
            Assert.StartsWith("GET 429 True ?", customers[0], StringComparison.Ordinal);
            Assert.StartsWith("GET 200 False ?", customers[^1], StringComparison.Ordinal);
            Assert.All(customers[1..^1], c => Assert.StartsWith("GET 401 ", c, StringComparison.Ordinal)); // an expired token, renewed
            foreach (var signIn in requests.Where(r => r.Properties["Method"].Value.ToString() == "POST"))
            {
                string body = signIn.Properties["Body"].Value.ToString()!;
                Assert.DoesNotContain("sandbox-secret", body, StringComparison.Ordinal);
                Assert.Contains("***", body, StringComparison.Ordinal);
            }

            Assert.Empty(session.RunOk("Get-ErpSandboxRequest -System Weavy"));
            Assert.Single(session.RunOk("Get-ErpSandboxRequest -Method POST -Path '*/token'"));
            Assert.Equal(customers.Length, session.RunOk("Get-ErpSandboxRequest -Path '*/CUSTOMERS'").Count);
        }
        finally
        {
            session.RunOk("Stop-ErpSandbox");
        }
    }

    [Fact]
    public void A_setting_the_sandbox_refuses_is_an_error_naming_it_and_changes_nothing()
    {
        using var session = new PowerShellSession();
        session.RunOk("$null = Start-ErpSandbox -SeveraCustomers 1");
        try
        {
            var result = session.Run("Set-ErpSandbox -System Qics -Rate429 0.5 -Setting @{ noSuchSetting = 1 }");
            var error = Assert.Single(result.Errors);
            Assert.Equal("ErpSandbox.Refused,ErpConnectors.Sandbox.SetErpSandboxCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("noSuchSetting", error.Exception.Message, StringComparison.Ordinal);
            var rate = session.RunOk("(Set-ErpSandbox -System Qics -Latency 0 -PassThru).Settings.tooManyRequestsRate").Single().BaseObject;
            Assert.Equal(0, Convert.ToDouble(rate, System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            session.RunOk("Stop-ErpSandbox");
        }
    }

    [Fact]
    public void Remove_Module_and_the_end_of_the_session_stop_the_sandboxes_it_started()
    {
        int removed;
        using (var session = new PowerShellSession())
        {
            removed = (int)session.RunOk("(Start-ErpSandbox -SeveraCustomers 1).ProcessId").Single().BaseObject;
            session.RunOk("Remove-Module ErpConnectors");
            Assert.True(Exited(removed));
        }

        int closed;
        using (var session = new PowerShellSession())
        {
            closed = (int)session.RunOk("(Start-ErpSandbox -SeveraCustomers 1).ProcessId").Single().BaseObject;
        }

        Assert.True(Exited(closed));
    }

    [Fact]
    public void WhatIf_starts_nothing_and_a_missing_sandbox_is_an_error_saying_what_to_install()
    {
        using var session = new PowerShellSession();
        Assert.Empty(session.RunOk("Start-ErpSandbox -WhatIf"));

        var missing = Path.Combine(Path.GetTempPath(), "no-erp-sandbox-" + Guid.NewGuid().ToString("N"));
        var result = session.Run($"Start-ErpSandbox -Path '{missing}'");
        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.StartsWith("ErpSandbox.NotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    private static System.Collections.Hashtable Args(PSObject value) => new() { ["sb"] = value };

    /// <summary>Waits (up to a minute, for a loaded machine) for the process to be gone.</summary>
    private static bool Exited(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return process.WaitForExit(60_000);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
