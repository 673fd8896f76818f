using System.Collections;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>
/// The module against the readings of the published OpenAPI (docs/wire-reference/severa.md): rowCount maxima per
/// route under both server behaviours, the OpenAPI's scopes, the work hour fields by their WorkHourInputModel
/// names, the deleted work hours feed, and the parameters a route takes.
/// </summary>
public class SeveraReferenceTests : IClassFixture<SeveraSandboxFixture>
{
    private const string Targets = @"
        $phase = @(Get-SeveraProject -First 1 | Get-SeveraPhase)[0]
        $workType = Get-SeveraWorkType -PhaseGuid $phase.guid -First 1
        $user = Get-SeveraUser -First 1";

    private readonly SeveraSandboxFixture _sandbox;

    public SeveraReferenceTests(SeveraSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void A_server_that_cuts_pages_to_its_maximum_silently_loses_no_row()
    {
        var options = _sandbox.Server.Severa.Options;
        options.RowCountAboveMaximum = SeveraRowCountPolicy.Cap;
        try
        {
            using var session = new PowerShellSession();
            var contacts = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraContactPerson -PageSize 1000", _sandbox.Variables());
            var statuses = session.RunOk("Invoke-SeveraRequest -Path contactpersons -Query @{ firstRow = 0 } -All -PageSize 1000");

            Assert.Equal(_sandbox.Server.Severa.Data.ContactPersonCount, contacts.Select(c => c.Properties["guid"].Value).Distinct().Count());
            Assert.Equal(contacts.Count, statuses.Count);
        }
        finally
        {
            options.RowCountAboveMaximum = SeveraRowCountPolicy.Refuse;
        }
    }

    [Fact]
    public void Each_list_asks_its_documented_maximum()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraWorkHour -First 150 | Out-Null; Get-SeveraProject -First 5 | Out-Null; Get-SeveraCustomer -First 1500 | Out-Null; Get-SeveraInvoiceStatus | Out-Null", _sandbox.Variables());

        Assert.All(_sandbox.Calls("GET", "/workhours"), c => Assert.Equal("100", c.QueryValue("rowCount")));
        Assert.Equal(2, _sandbox.Calls("GET", "/workhours").Count);
        Assert.Equal("5", Assert.Single(_sandbox.Calls("GET", "/projects")).QueryValue("rowCount"));
        Assert.Equal("1000", _sandbox.Calls("GET", "/customers")[0].QueryValue("rowCount"));
        Assert.All(_sandbox.Calls("GET", "/invoicestatuses"), c => Assert.Equal("100", c.QueryValue("rowCount")));
    }

    [Fact]
    public void A_scope_only_the_published_OpenAPI_lists_is_requested_without_a_warning()
    {
        using var session = new PowerShellSession();
        var result = session.Run("Connect-Severa -BaseUri $uri -Credential $cred -Scope customers:read, files:write, resourceallocations:delete; (Get-SeveraConnection).Scopes", _sandbox.Variables());

        Assert.Null(result.Terminating);
        Assert.Empty(result.Warnings);
        Assert.Contains("resourceallocations:delete", result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void An_unknown_scope_name_is_requested_with_a_warning_and_the_server_decides()
    {
        using var session = new PowerShellSession();
        var result = session.Run("Connect-Severa -BaseUri $uri -Credential $cred -Scope customers:reed", _sandbox.Variables());

        Assert.Contains(result.Warnings, w => w.Contains("customers:reed", StringComparison.Ordinal));
        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Contains("customers:reed", error.ToString(), StringComparison.Ordinal);
        Assert.Single(_sandbox.Calls("POST", "/token"));
    }

    [Fact]
    public void Work_hours_carry_billable_times_overtime_and_invoice_fields_by_their_OpenAPI_names()
    {
        using var session = new PowerShellSession();
        var overtime = _sandbox.Server.Severa.Data.Overtimes[0];
        var variables = (Hashtable)_sandbox.Variables();
        variables["overtime"] = overtime.Guid;
        var created = session.RunOk(SeveraSandboxFixture.Connect + Targets + @"
            [pscustomobject]@{ EventDate = '2024-05-02'; Quantity = '2'; PhaseGuid = $phase.guid; UserGuid = $user.guid; WorkTypeGuid = $workType.guid
                IsBillable = 'False'; StartTime = '2024-05-02T18:00:00+03:00'; EndTime = '2024-05-02T20:00:00+03:00'; OvertimeGuid = $overtime
                InvoiceQuantity = '1.5'; InvoiceRowDescription = 'Evening release' } | New-SeveraWorkHour -Confirm:$false", variables);

        var guid = Guid.Parse((string)Assert.Single(created).Properties["guid"].Value);
        var hour = _sandbox.Server.Severa.GetWorkHour(guid)!;
        Assert.False(hour.IsBillable);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 18, 0, 0, TimeSpan.FromHours(3)), hour.StartTime);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 20, 0, 0, TimeSpan.FromHours(3)), hour.EndTime);
        Assert.Equal(overtime.Guid, hour.Overtime!.Guid);
        Assert.Equal(1.5m, hour.InvoiceQuantity);
        Assert.Equal("Evening release", hour.InvoiceRowDescription);

        session.RunOk("Set-SeveraWorkHour -Guid $guid -IsBillable $true -EndTime '2024-05-02T21:00:00+03:00' -InvoiceQuantity 3 -InvoiceRowDescription 'Release'", new Hashtable { ["guid"] = guid });
        hour = _sandbox.Server.Severa.GetWorkHour(guid)!;
        Assert.True(hour.IsBillable);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 21, 0, 0, TimeSpan.FromHours(3)), hour.EndTime);
        Assert.Equal(3m, hour.InvoiceQuantity);
        Assert.Equal("Release", hour.InvoiceRowDescription);
    }

    [Fact]
    public void An_end_before_the_start_is_refused_before_anything_is_sent()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect + Targets, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        var result = session.Run("New-SeveraWorkHour -EventDate 2024-05-02 -Quantity 2 -StartTime '2024-05-02T10:00' -EndTime '2024-05-02T09:00' -PhaseGuid $phase.guid -UserGuid $user.guid -WorkTypeGuid $workType.guid -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(_sandbox.Calls("POST", "/workhours"));
    }

    [Fact]
    public void A_removed_work_hour_is_listed_by_Get_SeveraDeletedWorkHour_since_before_the_removal()
    {
        using var session = new PowerShellSession();
        var deleted = session.RunOk(SeveraSandboxFixture.Connect + Targets + @"
            $since = [datetimeoffset]::Now.AddSeconds(-1)
            $hour = New-SeveraWorkHour -EventDate 2024-05-03 -Quantity 1 -PhaseGuid $phase.guid -UserGuid $user.guid -WorkTypeGuid $workType.guid -Confirm:$false
            $hour | Remove-SeveraWorkHour -Confirm:$false
            Get-SeveraDeletedWorkHour -DeletedSince $since -UserGuid $user.guid
            $hour.guid", _sandbox.Variables());

        Assert.Equal(2, deleted.Count);
        Assert.Equal(deleted[1].ToString(), deleted[0].Properties["guid"].Value);
        Assert.Contains("ErpConnectors.Severa.DeletedWorkHour", deleted[0].TypeNames);
        var call = Assert.Single(_sandbox.Calls("GET", "/deletedworkhours"));
        Assert.Equal("100", call.QueryValue("rowCount"));
        Assert.NotNull(call.QueryValue("deletedSince"));
        Assert.NotEmpty(session.RunOk("Get-SeveraDeletedWorkHour -First 3"));
    }

    [Fact]
    public void Address_text_search_is_applied_by_the_module_since_the_route_takes_none()
    {
        using var session = new PowerShellSession();
        var city = _sandbox.Server.Severa.Data.Address(0).City;
        var variables = (Hashtable)_sandbox.Variables();
        variables["city"] = city.ToUpperInvariant();
        var found = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraAddress -TextToSearch $city", variables);

        Assert.NotEmpty(found);
        Assert.All(found, a => Assert.Contains(city, string.Join(" ", a.Properties["addressline"].Value, a.Properties["postalCode"].Value, a.Properties["city"].Value), StringComparison.OrdinalIgnoreCase));
        Assert.All(_sandbox.Calls("GET", "/addresses"), c => Assert.Null(c.QueryValue("textToSearch")));
    }

    [Fact]
    public void An_invoice_number_beyond_the_OpenAPIs_int32_is_refused_before_anything_is_sent()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        var result = session.Run("Set-SeveraInvoice -Guid ([guid]::NewGuid()) -Number 3000000000 -Confirm:$false");

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Calls("PATCH", "/invoices/"));
    }

    [Fact]
    public void Work_types_are_asked_for_the_user_the_hours_are_for()
    {
        using var session = new PowerShellSession();
        var user = _sandbox.Server.Severa.Data.Users[3].Guid;
        var variables = (Hashtable)_sandbox.Variables();
        variables["someone"] = user;
        var types = session.RunOk(SeveraSandboxFixture.Connect + Targets + "; Get-SeveraWorkType -PhaseGuid $phase.guid -UserGuid $someone", variables);

        Assert.NotEmpty(types);
        Assert.Contains(_sandbox.Calls("GET", "/worktypes"), c => c.QueryValue("userGuid") == user.ToString());
        var unknown = session.Run("Get-SeveraWorkType -PhaseGuid $phase.guid -UserGuid ([guid]::NewGuid())");
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(unknown.Errors).CategoryInfo.Category);
    }
}
