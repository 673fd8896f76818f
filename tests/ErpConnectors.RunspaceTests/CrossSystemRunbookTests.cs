using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;
using ErpConnectors.Demo;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>
/// The README's cross-system runbook (Severa → Weavy → QicsMilestones → CSV report), run as the demo runs it: the
/// block extracted from README.md and run as written (the engine has pwsh's Export-Csv), -Sandbox reaching a sandbox in
/// this process. Each test gets a fresh sandbox, since the runbook writes to Weavy and QicsMilestones
/// and each test asserts exactly what one run left there.
/// </summary>
[Collection(SandboxEnvironmentVariable.Name)] // sets the process-wide ERPCONNECTORS_SANDBOX_URI
public sealed partial class CrossSystemRunbookTests : IAsyncLifetime
{
    private const int BatchSize = 50; // the runbook's -BatchSize
    private static readonly string[] ReportColumns = ["CustomerNumber", "Name", "City", "Weavy", "QicsEntityStateId", "Message"];

    private SandboxServer _server = null!;
    private string? _reportPath;

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions());

    public async Task DisposeAsync()
    {
        if (_reportPath is not null)
        {
            File.Delete(_reportPath);
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public void The_README_runbook_imports_the_changed_Severa_customers_into_Weavy_records_one_Qics_state_each_and_reports_them()
    {
        using var session = new PowerShellSession();
        int weavyBefore = _server.Weavy.Count("customer");

        var output = RunRunbook(session);

        var changed = ChangedSeveraCustomers(session);
        Assert.True(changed.Count > 2 * BatchSize, $"the sandbox should give the runbook several batches, not {changed.Count} customers");

        // Weavy: exactly the changed customers, shaped from Severa, each sent once; nothing else touched.
        Assert.Equal(weavyBefore + changed.Count, _server.Weavy.Count("customer"));
        foreach (var customer in changed)
        {
            var record = _server.Weavy.Record("customer", Code(customer));
            Assert.NotNull(record);
            Assert.Equal(customer.Name, record["name"]);
            Assert.Equal(customer.Email, record["email"]);
            Assert.Equal(customer.HeadquarterAddress.City, record["city"]);
            Assert.Equal(customer.IsActive, record["isActive"]);
        }

        int batches = (changed.Count + BatchSize - 1) / BatchSize;
        Assert.Equal(batches, _server.Weavy.AppliedBulkImports);
        Assert.Equal(changed.Select(Code).Order(), SentCodes().Order()); // each code in exactly one BulkImport

        // QicsMilestones: one success state per customer.
        var states = RunbookStates();
        Assert.Equal(changed.Select(c => (long)c.Number).Order(), states.Select(s => s.EntityId).Order());
        Assert.All(states, s =>
        {
            Assert.Equal(_server.Qics.CompanyIds[0], s.CompanyId);
            Assert.Equal("Customer", s.EntityType);
            Assert.Equal(s.EntityId.ToString(System.Globalization.CultureInfo.InvariantCulture), s.DataSourceKey);
            Assert.False(s.IsError);
            Assert.Equal("Imported into Weavy", s.Message);
        });

        // The report: a header and one line per customer, each pointing at its state.
        var report = ReadReport();
        Assert.Equal(changed.Select(Code).Order(), report.Keys.Order());
        Assert.All(states, s =>
        {
            var line = report[s.DataSourceKey!];
            Assert.Equal("Imported", line["Weavy"]);
            Assert.Equal(s.EntityStateId.ToString(System.Globalization.CultureInfo.InvariantCulture), line["QicsEntityStateId"]);
            Assert.Equal("Imported into Weavy", line["Message"]);
        });

        // What the demo prints: a count per system and where the report is.
        Assert.Equal($"Severa: {changed.Count} customers changed since 2024-10-01", output[0]);
        Assert.Equal(batches, output.Count(l => l.StartsWith("Weavy: batch ", StringComparison.Ordinal)));
        Assert.Contains($"QicsMilestones: {changed.Count} states recorded, 0 of them errors", output);
        Assert.Equal($"Report: {_reportPath}", output[^1]);
    }

    [Fact]
    public void A_failed_Weavy_batch_gives_its_customers_an_error_state_and_an_error_line_while_the_others_land_once()
    {
        using var session = new PowerShellSession();
        int weavyBefore = _server.Weavy.Count("customer");
        _server.Weavy.Faults.Enqueue(new InjectedFault(500, "POST", "/BulkImport", SkipMatches: 1)); // the second batch

        var output = RunRunbook(session); // no error record escapes: the runbook handles the failed batch

        var changed = ChangedSeveraCustomers(session);
        var failedCodes = SentCodes(faulted: true).ToHashSet();
        Assert.Equal(BatchSize, failedCodes.Count);
        var landed = changed.Select(Code).Where(c => !failedCodes.Contains(c)).ToList();
        Assert.Equal(changed.Count - BatchSize, landed.Count);

        // Weavy: the other batches landed; the failed one was not sent again.
        Assert.Equal(weavyBefore + landed.Count, _server.Weavy.Count("customer"));
        Assert.All(landed, code => Assert.NotNull(_server.Weavy.Record("customer", code)));
        Assert.All(failedCodes, code => Assert.Null(_server.Weavy.Record("customer", code)));
        Assert.Equal(changed.Select(Code).Order(), SentCodes().Order()); // every code in exactly one BulkImport

        // QicsMilestones: still one state per customer; errors, with the batch's failure, exactly for the failed rows.
        var states = RunbookStates();
        Assert.Equal(changed.Count, states.Count);
        Assert.Equal(failedCodes.Order(), states.Where(s => s.IsError).Select(s => s.DataSourceKey!).Order());
        Assert.All(states.Where(s => s.IsError), s => Assert.StartsWith("Batch 2 (rows 51-100, customer ", s.Message, StringComparison.Ordinal));
        Assert.All(states.Where(s => !s.IsError), s => Assert.Equal("Imported into Weavy", s.Message));

        // The report says the same, line by line.
        var report = ReadReport();
        Assert.Equal(changed.Count, report.Count);
        Assert.All(failedCodes, code =>
        {
            Assert.Equal("Failed", report[code]["Weavy"]);
            Assert.StartsWith("Batch 2 (rows 51-100, customer ", report[code]["Message"], StringComparison.Ordinal);
        });
        Assert.All(landed, code => Assert.Equal("Imported", report[code]["Weavy"]));

        Assert.Single(output, l => l.StartsWith("Weavy: Batch 2 (rows 51-100, customer ", StringComparison.Ordinal));
        Assert.Contains($"QicsMilestones: {changed.Count} states recorded, {BatchSize} of them errors", output);
    }

    /// <summary>Runs the README block on this test's sandbox; its output lines.</summary>
    private List<string> RunRunbook(PowerShellSession session)
    {
        string script = ReadmeScript.Extract(Path.Combine(ModulePaths.RepoRoot, "README.md"), "runbook");
        var variables = new Hashtable { ["root"] = _server.RootUri.AbsoluteUri };
        var output = session.RunOk("$env:ERPCONNECTORS_SANDBOX_URI = $root\n" + script, variables)
            .Select(o => o.ToString()).ToList();
        _reportPath = (string)session.RunOk("$reportPath").Single().BaseObject;
        return output;
    }

    /// <summary>The Severa customers the runbook's date selects, from the sandbox's own data (changedSince is inclusive).</summary>
    private List<SeveraCustomer> ChangedSeveraCustomers(PowerShellSession session)
    {
        var since = (DateTimeOffset)session.RunOk("$since").Single().BaseObject;
        var data = _server.Severa.Data;
        return [.. Enumerable.Range(0, data.CustomerCount).Select(i => data.Customer(i)).Where(c => c.LastUpdatedDateTime >= since)];
    }

    private static string Code(SeveraCustomer customer) => customer.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The customer codes of every BulkImport request that reached the sandbox (or only of the faulted ones). Each
    /// entry is logged as its answer ends; the runbook's last import is followed by a few hundred Qics calls.
    /// </summary>
    private IEnumerable<string> SentCodes(bool faulted = false) =>
        _server.Requests.AnsweredSnapshot()
            .Where(r => r.Method == "POST" && r.Path.EndsWith("/BulkImport", StringComparison.Ordinal) && (!faulted || r.FaultInjected))
            .SelectMany(r => JsonDocument.Parse(r.Body!).RootElement.GetProperty("rows").EnumerateArray())
            .Select(row => row.GetProperty("customer_ID").GetString()!);

    private List<QicsEntityState> RunbookStates() => [.. _server.Qics.EntityStates.Where(s => s.DataSource == "Weavy")];

    /// <summary>The CSV report by customer number, each line as column → value, after checking the header.</summary>
    private Dictionary<string, Dictionary<string, string>> ReadReport()
    {
        Assert.NotNull(_reportPath);
        Assert.True(Path.IsPathFullyQualified(_reportPath));
        var lines = File.ReadAllLines(_reportPath);
        Assert.Equal(ReportColumns, Fields(lines[0]));
        return lines.Skip(1)
            .Select(line => ReportColumns.Zip(Fields(line)).ToDictionary(p => p.First, p => p.Second))
            .ToDictionary(line => line["CustomerNumber"]);
    }

    /// <summary>The fields of one CSV line as Export-Csv writes it: every field quoted, quotes doubled.</summary>
    private static string[] Fields(string line)
    {
        var fields = QuotedField().Matches(line).Select(m => m.Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal)).ToArray();
        Assert.Equal(line.Length, QuotedField().Matches(line).Sum(m => m.Length) + fields.Length - 1); // nothing but quoted fields and commas
        return fields;
    }

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex QuotedField();
}
