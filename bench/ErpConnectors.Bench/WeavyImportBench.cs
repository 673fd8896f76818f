using ErpConnectors.Bench.Raw;
using ErpConnectors.Sandbox;

namespace ErpConnectors.Bench;

/// <summary>
/// Rows piped into Invoke-WeavyDatasetImport against the sandbox, beside a raw HttpClient loop posting the same
/// batches of 1000 to BulkImport: rows/s for both, the ratio, and the module's peak live heap (flat in N when
/// batches leave as they fill). The rows are built in the pipeline from a lazy range, as a script would.
/// </summary>
internal static class WeavyImportBench
{
    public static async Task RunAsync(ModuleHost module, long[] rowCounts)
    {
        Console.WriteLine();
        Console.WriteLine("Weavy import: rows piped into Invoke-WeavyDatasetImport (BulkImport, batches of 1000) vs a raw HttpClient loop posting the same batches");
        var table = new MarkdownTable("rows", "module rows/s", "raw loop rows/s", "ratio", "module peak live heap (full GCs)");
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Weavy = { CustomerCount = 100 } });
        var (connect, variables) = PagingStyles.WeavyConnect(sandbox);
        module.Run(connect, variables);

        // Warm both paths.
        Import(module, "warm", 2000);
        await WeavyRaw.ImportAsync(sandbox.WeavyBaseUri, "rawwarm", 2000);

        foreach (long rows in rowCounts)
        {
            var raw = await Measure.TimeAsync(sandbox, async () =>
            {
                await WeavyRaw.ImportAsync(sandbox.WeavyBaseUri, "raw" + rows, rows);
                return rows;
            });
            var timed = await Measure.TimeAsync(sandbox, () => Task.FromResult(Import(module, "mod" + rows, rows)));

            // The same codes again: the in-process sandbox stores nothing new (an unchanged row is skipped), so the
            // heap measured is the module's and the engine's, not the sandbox's growing table.
            long live = await Measure.LiveHeapAsync(sandbox, () => Task.FromResult(Import(module, "mod" + rows, rows)));
            table.Row($"{rows:N0}", Measure.Rate(timed.RowsPerSecond), Measure.Rate(raw.RowsPerSecond), Measure.Ratio(timed.RowsPerSecond, raw.RowsPerSecond), Measure.Mb(live));
        }
    }

    private static long Import(ModuleHost module, string prefix, long rows)
    {
        module.Run($"[System.Linq.Enumerable]::Range(1, {rows}) | ForEach-Object {{ @{{ customer_ID = '{prefix}-' + $_; name = 'Row ' + $_; city = 'Lyon'; revenue = $_ * 1.5 }} }} | Invoke-WeavyDatasetImport customer | Out-Null");
        return rows;
    }
}
