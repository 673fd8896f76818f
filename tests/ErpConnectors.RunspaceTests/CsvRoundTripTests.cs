using System.Collections;

namespace ErpConnectors.RunspaceTests;

/// <summary>
/// Export -> edit -> import: what ConvertTo-ErpFlatObject writes goes back into the write cmdlets, and numbers
/// typed in a spreadsheet are read by the module's one rule (never a silent factor of ten).
/// </summary>
public class CsvRoundTripTests : IClassFixture<SeveraSandboxFixture>
{
    // Every cell as the text Import-Csv would give (the embedded engine has no Export-Csv of its own).
    private const string AsCsvRows = @"
        function ConvertTo-CsvRow { process { $row = [ordered]@{}; foreach ($p in $_.PSObject.Properties) { $row[$p.Name] = [string]$p.Value }; [pscustomobject]$row } }";

    private readonly SeveraSandboxFixture _sandbox;

    public CsvRoundTripTests(SeveraSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void A_flattened_work_hour_goes_back_into_New_SeveraWorkHour_with_a_decimal_comma()
    {
        using var session = new PowerShellSession();
        var created = session.RunOk(SeveraSandboxFixture.Connect + AsCsvRows + @"
            $rows = @(Get-SeveraWorkHour -First 2 | ConvertTo-ErpFlatObject | ConvertTo-CsvRow)
            $rows[0].quantity = '1,5'
            $rows[1].quantity = '2.25'
            $rows | New-SeveraWorkHour -Confirm:$false", _sandbox.Variables());

        Assert.Equal(2, created.Count);
        Assert.Equal(1.5m, Convert.ToDecimal(created[0].Properties["quantity"].Value));
        Assert.Equal(2.25m, Convert.ToDecimal(created[1].Properties["quantity"].Value));
        var posts = _sandbox.Calls("POST", "/workhours");
        Assert.Equal(2, posts.Count);
        Assert.Contains("\"quantity\":1.5", posts[0].Body ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,500")]
    [InlineData("1,000.5")]
    public void An_ambiguous_number_is_refused_naming_it_and_nothing_is_sent(string quantity)
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();
        var result = session.Run(AsCsvRows + @"
            Get-SeveraWorkHour -First 1 | ConvertTo-ErpFlatObject | ConvertTo-CsvRow | ForEach-Object { $_.quantity = $q; $_ } | New-SeveraWorkHour -Confirm:$false",
            new Hashtable { ["q"] = quantity });

        var error = Assert.Single(result.Errors);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, error.CategoryInfo.Category); // the binder's category for a refused transformation
        Assert.Contains($"'{quantity}'", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Calls("POST", "/workhours"));
    }

    [Fact]
    public void Flattened_dates_are_iso_8601_whatever_the_culture()
    {
        using var session = new PowerShellSession();
        var flat = session.RunOk(SeveraSandboxFixture.Connect + @"
            [System.Threading.Thread]::CurrentThread.CurrentCulture = 'en-US'
            Get-SeveraWorkHour -First 1 | ConvertTo-ErpFlatObject", _sandbox.Variables());

        var row = Assert.Single(flat);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)row.Properties["eventDate"].Value);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", (string)row.Properties["createdDateTime"].Value);
    }
}
