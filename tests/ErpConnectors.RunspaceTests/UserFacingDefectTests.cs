using System.Collections;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>Completion through TabExpansion2, as the console asks for it.</summary>
internal static class Completion
{
    public const string Function = @"
        function Complete($line) { (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { '{0}|{1}' -f $_.CompletionText, $_.ListItemText } }";
}

/// <summary>What people met in real pwsh on Jiwa: the total count, the messages.</summary>
public class JiwaUserFacingTests : IClassFixture<JiwaSandboxFixture>
{
    private readonly JiwaSandboxFixture _sandbox;

    public JiwaUserFacingTests(JiwaSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void IncludeTotalCount_gives_the_total_the_api_returns_before_the_records()
    {
        using var session = new PowerShellSession();
        var output = session.RunOk(JiwaSandboxFixture.Connect + @"
            $all = @(Get-JiwaDebtor -First 2 -IncludeTotalCount)
            $all.Count; [string]$all[0]; $all[1].AccountNo", _sandbox.Variables());

        Assert.Equal("3", output[0].ToString());
        Assert.Equal(JiwaSandboxFixture.Debtors.ToString(System.Globalization.CultureInfo.InvariantCulture), output[1].ToString()); // the count itself; it reads "Total count: 2500"
        Assert.Equal("C00001", output[2].ToString());
    }

    [Fact]
    public void OrderBy_completes_the_fields_of_the_list()
    {
        using var session = new PowerShellSession();
        var matches = session.RunOk(JiwaSandboxFixture.Connect + Completion.Function + "\nComplete 'Get-JiwaDebtor -OrderBy Na'; Complete 'Get-JiwaSalesOrder -OrderBy Debtor'", _sandbox.Variables())
            .Select(m => m.ToString()).ToList();

        Assert.Contains("Name|Name", matches);
        Assert.Contains("DebtorName|DebtorName", matches); // the SalesOrderList view columns of the service model
        Assert.DoesNotContain(matches, m => m.StartsWith("AccountNo", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wrong_OrderBy_field_is_said_once()
    {
        using var session = new PowerShellSession();
        var result = session.Run(JiwaSandboxFixture.Connect + "\nGet-JiwaDebtor -First 1 -OrderBy Nme", _sandbox.Variables());

        string message = Assert.Single(result.Errors).Exception.Message;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(message, "OrderBy"));
    }
}

/// <summary>What people met in real pwsh on Weavy.</summary>
public class WeavyUserFacingTests : IClassFixture<WeavySandboxFixture>
{
    private readonly WeavySandboxFixture _sandbox;

    public WeavyUserFacingTests(WeavySandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void Tables_show_the_fields_as_columns_not_one_Values_column()
    {
        using var session = new PowerShellSession();
        var columns = session.RunOk(WeavySandboxFixture.Connect + @"
            (Get-WeavyRecord -Entity customer -First 1).PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames -join ','
            (Get-WeavyRecord -Entity customer -First 1 -Property name, city).PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames -join ','", _sandbox.Variables());

        Assert.Equal(new[] { "customer_ID,name,city,email", "name,city" }, columns.Select(c => c.ToString()));
        Assert.DoesNotContain("<Name>ErpConnectors.Weavy.Record</Name>", File.ReadAllText(Path.Combine(ModulePaths.ModuleFolder, "ErpConnectors.format.ps1xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_lists_each_field_once()
    {
        using var session = new PowerShellSession();
        var result = session.Run(WeavySandboxFixture.Connect + "\nGet-WeavyRecord -Entity customer -Property cod", _sandbox.Variables());

        Assert.NotNull(result.Terminating);
        string message = result.Terminating!.Message;
        string[] fields = message.Substring(message.IndexOf("Its fields: ", StringComparison.Ordinal) + "Its fields: ".Length).TrimEnd('.').Split(", ");
        Assert.Contains("srvDateUTC", fields);
        Assert.Equal(fields.Length, fields.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}

/// <summary>What people met in real pwsh on Microbizz.</summary>
public class MicrobizzUserFacingTests : IClassFixture<MicrobizzSandboxFixture>
{
    private readonly MicrobizzSandboxFixture _sandbox;

    public MicrobizzUserFacingTests(MicrobizzSandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public void Task_Status_completes_the_known_statuses()
    {
        using var session = new PowerShellSession();
        var matches = session.RunOk(Completion.Function + "\nComplete 'Get-MicrobizzTask -Status S'; Complete 'Set-MicrobizzTask 1 -Status '").Select(m => m.ToString()).ToList();

        Assert.Equal(new[] { "STARTED|STARTED", "NEW|NEW", "ACCEPTED|ACCEPTED", "STARTED|STARTED", "DONE|DONE", "REJECTED|REJECTED" }, matches);
    }

    [Fact]
    public void A_wrong_password_says_so_not_that_a_token_expired()
    {
        using var session = new PowerShellSession();
        var variables = _sandbox.Variables();
        variables["cred"] = SeveraSandboxFixture.Credential(SandboxCredentials.MicrobizzUserName, "wrong");
        var result = session.Run(MicrobizzSandboxFixture.Connect, variables);

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.DoesNotContain("expired", error.ErrorDetails.RecommendedAction, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("password", error.ErrorDetails.RecommendedAction, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>What people met in real pwsh on QicsMilestones and Severa.</summary>
public class QicsUserFacingTests : IClassFixture<QicsSandboxFixture>
{
    private readonly QicsSandboxFixture _sandbox;

    public QicsUserFacingTests(QicsSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void Property_and_OrderBy_complete_the_fields_of_the_entity()
    {
        using var session = new PowerShellSession();
        var matches = session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + Completion.Function + "\nComplete 'Get-QicsEntity OverviewCustomer -Property Na'; Complete 'Get-QicsEntity -Entity OverviewCustomer -OrderBy Ci'", _sandbox.Variables())
            .Select(m => m.ToString()).ToList();

        Assert.Equal(new[] { "Name|Name", "City|City" }, matches);
    }

    [Fact]
    public void Tables_show_the_fields_as_columns_the_chosen_ones_or_the_first_four()
    {
        using var session = new PowerShellSession();
        var columns = session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + @"
            (Get-QicsEntity OverviewCustomer -First 1).PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames -join ','
            (Get-QicsEntity OverviewCustomer -First 1 -Property Name, City).PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames -join ','
            (Get-QicsEntity Customer -Id 1).PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames -join ','", _sandbox.Variables());

        Assert.Equal(new[] { "CustomerId,Code,Name,Email", "Name,City", "CustomerId,Code,Name,Email" }, columns.Select(c => c.ToString()));
        Assert.DoesNotContain("<Name>ErpConnectors.Qics.Record</Name>", File.ReadAllText(Path.Combine(ModulePaths.ModuleFolder, "ErpConnectors.format.ps1xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_read_by_id_carries_no_odata_envelope_field()
    {
        using var session = new PowerShellSession();
        var record = Assert.Single(session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + "\nGet-QicsEntity Customer -Id 1", _sandbox.Variables()));

        Assert.Equal(1L, Convert.ToInt64(record.Properties["CustomerId"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(record.Properties, p => p.Name.StartsWith('@'));
    }
}

public class SeveraUserFacingTests : IClassFixture<SeveraSandboxFixture>
{
    private readonly SeveraSandboxFixture _sandbox;

    public SeveraUserFacingTests(SeveraSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void StatusGuid_completes_invoice_statuses_by_name()
    {
        using var session = new PowerShellSession();
        var output = session.RunOk(SeveraSandboxFixture.Connect + Completion.Function + @"
            (Get-SeveraInvoiceStatus | Where-Object name -eq 'Approved').guid
            Complete 'Get-SeveraInvoice -StatusGuid Appr'
            @(Complete 'Set-SeveraInvoice -Guid x -StatusGuid ').Count", _sandbox.Variables());

        Assert.Equal(3, output.Count);
        Assert.Equal($"{output[0]}|Approved", output[1].ToString());
        Assert.True((int)output[2].BaseObject > 1);
    }

    [Fact]
    public void A_missing_record_is_NotFound()
    {
        using var session = new PowerShellSession();
        var result = session.Run(SeveraSandboxFixture.Connect + "\nGet-SeveraCustomer -Guid ([guid]::NewGuid())", _sandbox.Variables());

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("Severa.NotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }
}
