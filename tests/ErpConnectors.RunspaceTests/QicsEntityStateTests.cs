using System.Collections;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

public class QicsEntityStateTests : IClassFixture<QicsSandboxFixture>
{
    private readonly QicsSandboxFixture _sandbox;

    public QicsEntityStateTests(QicsSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    private List<QicsEntityState> StatesFor(string dataSource) =>
        _sandbox.Server.Qics.EntityStates.Where(s => s.DataSource == dataSource).ToList();

    [Fact]
    public void Csv_rows_create_records_then_update_them_never_duplicating()
    {
        using var session = new PowerShellSession();
        string source = "CRM-" + Guid.NewGuid().ToString("N")[..8];
        var variables = _sandbox.Variables();
        variables["source"] = source;
        // Rows as Import-Csv gives them: every value a string.
        const string Rows = @"
            $rows = @(
                [pscustomobject]@{ CompanyId = ""$company""; DataSource = $source; EntityType = 'customer'; EntityId = '11'; DataSourceKey = 'K-11'; IsError = 'False'; Message = 'Created' }
                [pscustomobject]@{ CompanyId = ""$company""; DataSource = $source; EntityType = 'Customer'; EntityId = '12'; DataSourceKey = 'K-12'; IsError = 'True'; Message = 'Phone number invalid' }
            )";
        session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + Rows + "; $rows | Set-QicsEntityState", variables);
        Assert.Equal(2, StatesFor(source).Count);
        Assert.Equal(2, _sandbox.Calls("POST", "/V3/odata/EntityState").Count(r => r.StatusCode == 201));

        var updated = session.RunOk(Rows + "; $rows[1].IsError = 'False'; $rows[1].Message = 'Fixed'; $rows | Set-QicsEntityState -PassThru", variables);

        var states = StatesFor(source);
        Assert.Equal(2, states.Count); // updated in place, never a second record
        var twelve = Assert.Single(states, s => s.EntityId == 12);
        Assert.False(twelve.IsError);
        Assert.Equal("Fixed", twelve.Message);
        Assert.Equal("Customer", twelve.EntityType); // the documented spelling, whatever the input's case
        Assert.Equal(2, updated.Count);
        Assert.All(updated, u => Assert.Equal("ErpConnectors.Qics.EntityState", u.TypeNames[0]));
        Assert.Equal(2, _sandbox.Calls("PUT", "/V3/odata/EntityState(").Count);
    }

    [Fact]
    public void Several_messages_for_one_object_become_one_record()
    {
        using var session = new PowerShellSession();
        string source = "ERP-" + Guid.NewGuid().ToString("N")[..8];
        var variables = _sandbox.Variables();
        variables["source"] = source;

        session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + @"
            $rows = @(
                [pscustomobject]@{ CompanyId = $company; DataSource = $source; EntityType = 'Project'; EntityId = 7; IsError = $true; Message = 'Budget missing' }
                [pscustomobject]@{ CompanyId = $company; DataSource = $source; EntityType = 'Project'; EntityId = 7; IsError = $false; Message = 'Start date in the past' }
            )
            $rows | Set-QicsEntityState
            Set-QicsEntityState -CompanyId $company -DataSource $source -EntityType General -EntityId 0 -IsError $true -Message 'Login to ERP failed', 'Retried twice'", variables);

        var states = StatesFor(source);
        Assert.Equal(2, states.Count);
        var project = Assert.Single(states, s => s.EntityType == "Project");
        Assert.True(project.IsError);
        Assert.Equal("Budget missing\nStart date in the past", project.Message);
        var general = Assert.Single(states, s => s.EntityType == "General");
        Assert.Equal(0, general.EntityId);
        Assert.Equal("Login to ERP failed\nRetried twice", general.Message);
    }

    [Fact]
    public void A_bad_entity_type_is_refused_for_its_row_and_the_others_go_on()
    {
        using var session = new PowerShellSession();
        string source = "BAD-" + Guid.NewGuid().ToString("N")[..8];
        var variables = _sandbox.Variables();
        variables["source"] = source;

        var result = session.Run(QicsSandboxFixture.ConnectWithRefreshToken + @"
            [pscustomobject]@{ CompanyId = $company; DataSource = $source; EntityType = 'Customr'; EntityId = 1 },
            [pscustomobject]@{ CompanyId = $company; DataSource = $source; EntityType = 'Employee'; EntityId = 2 } | Set-QicsEntityState", variables);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("Customr", error.TargetObject);
        Assert.Contains("Allowed:", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal("Employee", Assert.Single(StatesFor(source)).EntityType);
    }

    [Fact]
    public void Get_QicsEntityState_filters_on_the_server()
    {
        using var session = new PowerShellSession();
        string source = "GET-" + Guid.NewGuid().ToString("N")[..8];
        var variables = _sandbox.Variables();
        variables["source"] = source;
        var rows = session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + @"
            1..60 | ForEach-Object { [pscustomobject]@{ CompanyId = $company; DataSource = $source; EntityType = 'Item'; EntityId = $_; IsError = ($_ % 2 -eq 0) } } | Set-QicsEntityState
            Get-QicsEntityState -DataSource $source -IsError $true -PageSize 10", variables);

        Assert.Equal(30, rows.Count);
        Assert.All(rows, r => Assert.True((bool)r.Properties["IsError"].Value));
        var call = _sandbox.Calls("GET", "/V3/odata/EntityState")[^1];
        Assert.Contains("IsError eq true", call.QueryValue("$filter"), StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_sends_no_write()
    {
        using var session = new PowerShellSession();
        session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        session.RunOk("Set-QicsEntityState -CompanyId $company -DataSource X -EntityType Customer -EntityId 1 -WhatIf; New-QicsEntity Customer @{ Name = 'x' } -WhatIf; Remove-QicsEntity Customer -Id 1 -WhatIf", _sandbox.Variables());

        Assert.DoesNotContain(_sandbox.Server.Requests.AnsweredSnapshot(), r => r.Method != "GET");
    }
}
