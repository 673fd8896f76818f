using System.Collections;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

public class SeveraWriteTests : IClassFixture<SeveraSandboxFixture>
{
    private readonly SeveraSandboxFixture _sandbox;

    public SeveraWriteTests(SeveraSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    // A phase, a user and a work type valid on the phase, found through the module itself.
    private const string Targets = @"
        $phase = @(Get-SeveraProject -First 1 | Get-SeveraPhase)[0]
        $workType = Get-SeveraWorkType -PhaseGuid $phase.guid -First 1
        $user = Get-SeveraUser -First 1";

    [Fact]
    public void WhatIf_sends_nothing()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect + Targets, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        var result = session.Run(@"
            New-SeveraWorkHour -EventDate 2024-05-02 -Quantity 2 -PhaseGuid $phase.guid -UserGuid $user.guid -WorkTypeGuid $workType.guid -WhatIf
            Set-SeveraInvoice -Guid ([guid]::NewGuid()) -Number 5 -WhatIf
            Remove-SeveraWorkHour -Guid ([guid]::NewGuid()) -WhatIf");

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.DoesNotContain(_sandbox.Server.Requests.AnsweredSnapshot(), r => r.Method != "GET");
    }

    [Fact]
    public void Csv_like_rows_create_work_hours_then_set_and_remove_them()
    {
        using var session = new PowerShellSession();
        var created = session.RunOk(SeveraSandboxFixture.Connect + Targets + @"
            $rows = 1..3 | ForEach-Object { [pscustomobject]@{ EventDate = ""2024-05-0$_""; Quantity = ""7.5""; Description = ""Row $_""; PhaseGuid = $phase.guid; UserGuid = $user.guid; WorkTypeGuid = $workType.guid } }
            $rows | New-SeveraWorkHour -Confirm:$false", _sandbox.Variables());

        Assert.Equal(3, created.Count);
        Assert.Equal(3, _sandbox.Calls("POST", "/workhours").Count);
        Assert.All(created, h => Assert.Equal(7.5m, Convert.ToDecimal(h.Properties["quantity"].Value)));

        var updated = session.RunOk("$created | Set-SeveraWorkHour -Description 'Changed' -PassThru", new Hashtable { ["created"] = created });
        Assert.All(updated, h => Assert.Equal("Changed", h.Properties["description"].Value));

        session.RunOk("$created | Remove-SeveraWorkHour -Confirm:$false", new Hashtable { ["created"] = created });
        Assert.Equal(3, _sandbox.Calls("DELETE", "/workhours/").Count);
        var gone = session.Run("$created | Get-SeveraWorkHour", new Hashtable { ["created"] = created });
        Assert.Equal(3, gone.Errors.Count);
        Assert.All(gone.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
    }

    [Fact]
    public void Money_without_a_currency_is_refused_before_anything_is_sent()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect + Targets, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        var result = session.Run("New-SeveraWorkHour -EventDate 2024-05-02 -Quantity 2 -PhaseGuid $phase.guid -UserGuid $user.guid -WorkTypeGuid $workType.guid -UnitPrice 95 -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(95m, error.TargetObject);
        Assert.Empty(_sandbox.Server.Requests.AnsweredSnapshot());
    }

    [Fact]
    public void A_create_whose_answer_is_lost_is_reported_and_never_replayed()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect + Targets, _sandbox.Variables());
        int before = _sandbox.Server.Severa.WorkHourCount;
        _sandbox.Server.Severa.Faults.Enqueue(new InjectedFault(503, "POST", "/workhours", AfterHandling: true));

        var result = session.Run("New-SeveraWorkHour -EventDate 2024-05-03 -Quantity 1 -PhaseGuid $phase.guid -UserGuid $user.guid -WorkTypeGuid $workType.guid -Confirm:$false");

        var error = Assert.Single(result.Errors);
        // The answer was lost (a 503 after the write, or a dropped connection): reported, not replayed.
        Assert.Contains(error.CategoryInfo.Category, new[] { ErrorCategory.ResourceUnavailable, ErrorCategory.ConnectionError });
        Assert.Single(_sandbox.Calls("POST", "/workhours"));
        Assert.Equal(before + 1, _sandbox.Server.Severa.WorkHourCount); // applied once, never twice
    }

    [Fact]
    public void A_refused_create_429_is_sent_again_and_applied_once()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect + Targets, _sandbox.Variables());
        int before = _sandbox.Server.Severa.WorkHourCount;
        _sandbox.Server.Severa.Faults.Enqueue(new InjectedFault(429, "POST", "/workhours"));

        var created = session.RunOk("New-SeveraWorkHour -EventDate 2024-05-03 -Quantity 1 -PhaseGuid $phase.guid -UserGuid $user.guid -WorkTypeGuid $workType.guid -Confirm:$false");

        Assert.Single(created);
        Assert.Equal(2, _sandbox.Calls("POST", "/workhours").Count);
        Assert.Equal(before + 1, _sandbox.Server.Severa.WorkHourCount);
    }

    [Fact]
    public void Server_validation_errors_name_the_offending_record_and_the_rest_go_on()
    {
        using var session = new PowerShellSession();
        var missing = Guid.NewGuid();
        var result = session.Run(SeveraSandboxFixture.Connect + "; Get-SeveraCustomer -Guid $missing, (Get-SeveraCustomer -First 1).guid", new Hashtable(_sandbox.Variables()) { ["missing"] = missing });

        Assert.Null(result.Terminating);
        Assert.Single(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal(missing, error.TargetObject);
    }

    [Fact]
    public void Insufficient_scope_is_permission_denied_with_the_scopes_in_the_message()
    {
        using var session = new PowerShellSession();
        var result = session.Run("Connect-Severa -BaseUri $uri -Credential $cred -Scope customers:read; Get-SeveraInvoice -First 1", _sandbox.Variables());

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("invoices:read", error.ToString());
    }

    [Fact]
    public void Invoke_SeveraRequest_reaches_any_route_and_follows_pages_with_All()
    {
        using var session = new PowerShellSession();
        var statuses = session.RunOk(SeveraSandboxFixture.Connect + "; Invoke-SeveraRequest -Path invoicestatuses", _sandbox.Variables());
        Assert.NotEmpty(statuses);

        var all = session.RunOk("Invoke-SeveraRequest -Path customers -Query @{ isActive = 'true' } -All -PageSize 500");
        Assert.Equal(all.Count, all.Select(c => c.Properties["guid"].Value).Distinct().Count());
        Assert.Contains(_sandbox.Calls("GET", "/customers"), c => c.QueryValue("pageToken") is not null);
    }
}
