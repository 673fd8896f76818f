namespace ErpConnectors.Bench;

/// <summary>
/// What one style measured at one size: the timed passes and the peak live heaps of the module and the raw loop.
/// The sandbox runs in the same process, so a live heap holds what the sandbox holds while it answers a request:
/// the raw loop's (which keeps one page at most) shows that share.
/// </summary>
internal sealed record StyleResult(Pass Module, Pass Raw, long ModuleLiveHeap, long RawLiveHeap);

/// <summary>
/// Runs one paging style at one size against its own sandbox: both paths warmed on the first rows, then the raw
/// loop and the module timed (each signs in and reads every row), then separate, slower passes of each for memory.
/// </summary>
internal static class StyleBench
{
    // Each path streams the list (at most this many rows a pass) again and again for WarmTime before it is timed,
    // after the process warm-up (WarmProcessAsync): this system's own code (its sandbox, its connector) is then
    // compiled in the JIT's optimised tier too. A warm-up of a page or two measured the JIT: a 10,000-row run gave
    // ratios from 0.14 to 0.72 in one process.
    private const long WarmRows = 20_000;
    private static readonly TimeSpan WarmTime = TimeSpan.FromSeconds(5);

    public static async Task<StyleResult> RunAsync(ModuleHost module, PagingStyle style, long rows, int pageSize)
    {
        var (sandbox, expected) = await style.StartSandboxAsync(rows, pageSize);
        await using (sandbox)
        {
            // Warm both paths (JIT, connection pool, and the sandbox's data, generated on first use).
            long warm = Math.Min(rows, WarmRows);
            await WarmAsync(() => style.Raw(sandbox, pageSize, warm), WarmTime);
            await WarmAsync(() => Task.FromResult(style.RunModule(module, sandbox, pageSize, warm)), WarmTime);

            var raw = await Measure.TimeAsync(sandbox, () => style.Raw(sandbox, pageSize, long.MaxValue));
            var timed = await Measure.TimeAsync(sandbox, () => Task.FromResult(style.RunModule(module, sandbox, pageSize)));
            if (raw.Rows != expected || timed.Rows != expected)
            {
                throw new InvalidOperationException($"{style.Key}: expected {expected} rows, the raw loop read {raw.Rows}, the module {timed.Rows}.");
            }

            long moduleLive = await Measure.LiveHeapAsync(sandbox, () => Task.FromResult(style.RunModule(module, sandbox, pageSize)));
            long rawLive = await Measure.LiveHeapAsync(sandbox, () => style.Raw(sandbox, pageSize, long.MaxValue));
            return new StyleResult(timed, raw, moduleLive, rawLive);
        }
    }

    /// <summary>
    /// Warms the process once, before anything is measured: both paths stream Severa customers in turns for
    /// <paramref name="time"/>. The JIT compiles the engine's, the module's and the sandbox's code first quickly,
    /// then again optimised once a method has run often enough, in the background; in a new process the module's
    /// first 100,000 rows ran at a quarter of the speed of later ones, and only after about 45 s of streaming did the
    /// figures settle. A PowerShell session pays that once; the tables measure streaming in a warm one.
    /// </summary>
    public static async Task WarmProcessAsync(ModuleHost module, int pageSize, TimeSpan time)
    {
        var style = PagingStyles.SeveraToken;
        var (sandbox, _) = await style.StartSandboxAsync(WarmRows, pageSize);
        await using (sandbox)
        {
            await WarmAsync(async () => await style.Raw(sandbox, pageSize, long.MaxValue) + style.RunModule(module, sandbox, pageSize), time);
        }
    }

    /// <summary>Runs <paramref name="pass"/> again and again until <paramref name="time"/> has passed (at least once).</summary>
    private static async Task WarmAsync(Func<Task<long>> pass, TimeSpan time)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        do
        {
            await pass();
        }
        while (clock.Elapsed < time);
    }

    /// <summary>
    /// Latency: every answer waits <paramref name="latencyMs"/> on the server; read-ahead should hide it behind the
    /// consumer's work, so the module's time stays near pages x latency.
    /// </summary>
    public static async Task LatencyAsync(ModuleHost module, int pageSize, int pages, int latencyMs)
    {
        var style = PagingStyles.SeveraToken;
        var (sandbox, _) = await style.StartSandboxAsync((long)pages * pageSize, pageSize);
        await using (sandbox)
        {
            style.RunModule(module, sandbox, pageSize, first: 10);
            sandbox.Severa.Faults.Latency = TimeSpan.FromMilliseconds(latencyMs);
            var timed = await Measure.TimeAsync(sandbox, () => Task.FromResult(style.RunModule(module, sandbox, pageSize)));
            var raw = await Measure.TimeAsync(sandbox, () => style.Raw(sandbox, pageSize, long.MaxValue));
            double floor = pages * latencyMs / 1000.0;
            Console.WriteLine();
            Console.WriteLine($"Latency {latencyMs} ms per request, {pages} pages of {pageSize} ({timed.Rows:N0} rows): module {timed.Time.TotalSeconds:0.00} s, raw loop {raw.Time.TotalSeconds:0.00} s; pages x latency = {floor:0.00} s; module / (pages x latency) = {timed.Time.TotalSeconds / floor:0.00} (target <= 1.10)");
        }
    }
}
