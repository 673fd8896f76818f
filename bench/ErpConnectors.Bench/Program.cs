using System.Globalization;
using ErpConnectors.Bench;

// One command for every paging style and the Weavy import. Options:
//   --rows 10000,100000        Severa token paging (Get-SeveraCustomer) at each size, with heap columns
//   --style-rows 100000        rows for the table of every paging style (sandbox caps: Qics and Weavy 100,000, Jiwa 200,000)
//   --only jiwa,qics           run only these parts: severa-token, severa-row, jiwa, qics, weavy, microbizz, latency, weavy-import
//   --repeat 1                 measure each style of the style table this many times (a row each: the spread)
//   --page-size 1000           rows per request wherever the API pages
//   --latency-ms 100, --latency-pages 20   the latency run (Severa token paging)
//   --weavy-rows 10000,100000  rows for the Weavy import run (0 skips it)
//   --warm-seconds 45          how long the process is warmed before the first measurement (0: not at all)
long[] rowCounts = Longs(Option("--rows", "10000,100000"));
long styleRows = long.Parse(Option("--style-rows", "100000"), CultureInfo.InvariantCulture);
int repeat = int.Parse(Option("--repeat", "1"), CultureInfo.InvariantCulture);
int pageSize = int.Parse(Option("--page-size", "1000"), CultureInfo.InvariantCulture);
int latencyMs = int.Parse(Option("--latency-ms", "100"), CultureInfo.InvariantCulture);
int latencyPages = int.Parse(Option("--latency-pages", "20"), CultureInfo.InvariantCulture);
long[] weavyRows = Longs(Option("--weavy-rows", "10000,100000"));
string[] only = Option("--only", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
string[] parts = [.. PagingStyles.All.Select(s => s.Key), "latency", "weavy-import"];
if (only.Except(parts).ToArray() is { Length: > 0 } unknown)
{
    Console.Error.WriteLine($"Unknown --only part(s): {string.Join(", ", unknown)}. Parts: {string.Join(", ", parts)}.");
    return 2;
}

using var module = new ModuleHost(Path.Combine(FindRoot(), "out", "ErpConnectors", "ErpConnectors.psd1"));
Console.WriteLine($"ErpConnectors benchmark ({Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}), page size {pageSize}");

int warmSeconds = int.Parse(Option("--warm-seconds", "45"), CultureInfo.InvariantCulture);
if (warmSeconds > 0)
{
    Console.WriteLine($"Warming the process for {warmSeconds} s (the JIT; see StyleBench.WarmProcessAsync)...");
    await StyleBench.WarmProcessAsync(module, pageSize, TimeSpan.FromSeconds(warmSeconds));
}

var measured = new Dictionary<(string Style, long Rows), StyleResult>();
if (Selected("severa-token") && rowCounts.Length > 0)
{
    Console.WriteLine();
    Console.WriteLine("Severa token paging (Get-SeveraCustomer) by size:");
    var table = new MarkdownTable("rows", "module rows/s", "raw loop rows/s", "ratio", "module peak heap after GC", "raw peak heap after GC", "module peak live heap (full GCs)", "raw peak live heap (full GCs)");
    foreach (long rows in rowCounts)
    {
        var r = measured[(PagingStyles.SeveraToken.Key, rows)] = await StyleBench.RunAsync(module, PagingStyles.SeveraToken, rows, pageSize);
        table.Row($"{r.Module.Rows:N0}", Measure.Rate(r.Module.RowsPerSecond), Measure.Rate(r.Raw.RowsPerSecond), Measure.Ratio(r.Module.RowsPerSecond, r.Raw.RowsPerSecond), Measure.Mb(r.Module.PeakHeap), Measure.Mb(r.Raw.PeakHeap), Measure.Mb(r.ModuleLiveHeap), Measure.Mb(r.RawLiveHeap));
    }
}

if (Selected("latency"))
{
    await StyleBench.LatencyAsync(module, pageSize, latencyPages, latencyMs);
}

var styles = PagingStyles.All.Where(s => Selected(s.Key)).ToList();
if (styles.Count > 0 && styleRows > 0)
{
    Console.WriteLine();
    Console.WriteLine($"Every paging style at {styleRows:N0} rows (or the sandbox's cap), page size {pageSize}; requests counted by the sandbox, sign-in included:");
    var table = new MarkdownTable("<paging style", "<cmdlet", "rows", "module rows/s", "raw loop rows/s", "ratio", "module peak live heap (full GCs)", "raw peak live heap (full GCs)", "requests module / raw");
    foreach (var style in styles)
    {
        for (int run = 0; run < repeat; run++)
        {
            // The Severa size table's figure, when it measured this size, is reused for the first run.
            var r = run == 0 && measured.TryGetValue((style.Key, styleRows), out var known) ? known : await StyleBench.RunAsync(module, style, styleRows, pageSize);
            table.Row(style.Name, $"`{style.Cmdlet(pageSize)}`", $"{r.Module.Rows:N0}", Measure.Rate(r.Module.RowsPerSecond), Measure.Rate(r.Raw.RowsPerSecond), Measure.Ratio(r.Module.RowsPerSecond, r.Raw.RowsPerSecond), Measure.Mb(r.ModuleLiveHeap), Measure.Mb(r.RawLiveHeap), $"{r.Module.Requests} / {r.Raw.Requests}");
        }
    }
}

if (Selected("weavy-import") && weavyRows.Length > 0)
{
    await WeavyImportBench.RunAsync(module, weavyRows);
}

Console.WriteLine();
Console.WriteLine($"Process peak working set (sandbox, engine and both clients together): {Measure.Mb(PeakMemory.WorkingSet)}");
return 0;

bool Selected(string part) => only.Length == 0 || only.Contains(part);

string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

static long[] Longs(string list) => [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture)).Where(n => n > 0)];

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ErpConnectors.psd1")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Repository root not found.");
}
