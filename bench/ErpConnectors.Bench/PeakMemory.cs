using System.Diagnostics;

namespace ErpConnectors.Bench;

/// <summary>
/// Samples the managed heap while a run goes on and reports the peak of what survived a collection (the heap
/// size after the latest GC), above the level at start: memory a run holds, not garbage awaiting collection.
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly long _baseline;
    private readonly Timer _timer;
    private long _peak;

    private readonly bool _forceFull;

    /// <param name="forceFull">Collect fully at every sample (every 250 ms): slower, but measures only live objects.</param>
    public PeakMemory(bool forceFull = false)
    {
        _forceFull = forceFull;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _baseline = forceFull ? GC.GetTotalMemory(forceFullCollection: true) : GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        _peak = _baseline;
        _timer = new Timer(_ => Sample(), null, 0, forceFull ? 250 : 5);
    }

    public long PeakBytes
    {
        get
        {
            Sample();
            return Math.Max(0, Interlocked.Read(ref _peak) - _baseline);
        }
    }

    public static long WorkingSet => Process.GetCurrentProcess().PeakWorkingSet64;

    private void Sample()
    {
        long now = _forceFull ? GC.GetTotalMemory(forceFullCollection: true) : GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    public void Dispose() => _timer.Dispose();
}
