using System.Diagnostics;
using ErpConnectors.Sandbox;

namespace ErpConnectors.Bench;

/// <summary>One timed pass: rows read, wall time, peak heap after GC and the requests the sandbox received.</summary>
internal sealed record Pass(long Rows, TimeSpan Time, long PeakHeap, int Requests)
{
    public double RowsPerSecond => Rows / Time.TotalSeconds;
}

/// <summary>The two ways the benchmark measures a run: timed, and (separately, slower) its peak live heap.</summary>
internal static class Measure
{
    /// <summary>Times a run, sampling the heap after each GC, and counts the requests the sandbox logged meanwhile.</summary>
    public static async Task<Pass> TimeAsync(SandboxServer sandbox, Func<Task<long>> run)
    {
        await SettleAsync(sandbox);
        sandbox.Requests.Clear();
        using var memory = new PeakMemory();
        var clock = Stopwatch.StartNew();
        long rows = await run();
        clock.Stop();
        await SettleAsync(sandbox);
        return new Pass(rows, clock.Elapsed, memory.PeakBytes, sandbox.Requests.Count);
    }

    /// <summary>
    /// The peak live heap of a run: full collections at every sample count live objects only, not the gen2 garbage
    /// that streamed rows become after waiting in the read-ahead buffer. The sandbox logs every request (bodies up
    /// to 64 KiB, for tests): the log is emptied as the run goes, so its entries do not count.
    /// </summary>
    public static async Task<long> LiveHeapAsync(SandboxServer sandbox, Func<Task<long>> run)
    {
        await SettleAsync(sandbox);
        sandbox.Requests.Clear(); // before the baseline: entries freed after it would hide as much of the peak
        using var clearing = new Timer(_ => sandbox.Requests.Clear(), null, 0, 20);
        using var memory = new PeakMemory(forceFull: true);
        await run();
        return memory.PeakBytes;
    }

    /// <summary>
    /// The sandbox logs a request just after it has sent the whole answer, so the client may be done first (and a
    /// warm-up that stopped reading early leaves its request to be logged later): wait until the log is still.
    /// </summary>
    private static async Task SettleAsync(SandboxServer sandbox)
    {
        for (int count = -1, tries = 0; count != sandbox.Requests.Count && tries < 50; tries++)
        {
            count = sandbox.Requests.Count;
            await Task.Delay(100);
        }
    }

    public static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MB";

    public static string Rate(double rowsPerSecond) => $"{rowsPerSecond:N0}";

    public static string Ratio(double module, double raw) => $"{module / raw:0.00}";
}
