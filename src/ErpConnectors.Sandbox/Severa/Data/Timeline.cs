namespace ErpConnectors.Sandbox.Severa.Data;

/// <summary>
/// lastUpdatedDateTime of the i-th of n rows: strictly increasing in i (slot i*width plus a jitter below width),
/// so "changed since t" is a suffix of the index range found by arithmetic, never by a scan.
/// </summary>
internal readonly struct Timeline
{
    public static readonly DateTimeOffset Start = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
    // Up to the sandbox's start: the last rows changed in the last days, whatever day it runs (SeedAnchor).
    public static readonly DateTimeOffset End = SeedAnchor.Now;

    private readonly int _seed;
    private readonly EntityKind _kind;
    private readonly long _count;
    private readonly long _widthSeconds;

    public Timeline(int seed, EntityKind kind, long count)
    {
        _seed = seed;
        _kind = kind;
        _count = count;
        var spanSeconds = (long)(End - Start).TotalSeconds;
        _widthSeconds = Math.Max(1, count == 0 ? spanSeconds : spanSeconds / count);
    }

    public DateTimeOffset At(long index)
    {
        var jitter = (long)(StableHash.Of(_seed, _kind, index, 0x74696D65) % (ulong)_widthSeconds);
        return Start.AddSeconds((index * _widthSeconds) + jitter);
    }

    /// <summary>The first index whose time is at or after <paramref name="since"/> (the count when none is).</summary>
    public long FirstAtOrAfter(DateTimeOffset since)
    {
        if (since <= Start)
        {
            return 0;
        }

        var slot = (long)Math.Floor((since - Start).TotalSeconds / _widthSeconds);
        if (slot >= _count)
        {
            return _count;
        }

        return At(slot) >= since ? slot : Math.Min(slot + 1, _count);
    }
}
