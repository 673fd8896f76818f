using System.Collections.Concurrent;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// At most N calls per key (Severa: a client id; Weavy: the calling IP) in any sliding window, not per
/// calendar window: a burst straddling a boundary is still refused. A refused call is not counted. Real time
/// always (tests' fake clocks drive tokens, not quotas).
/// </summary>
internal sealed class SlidingWindowRateLimiter
{
    private readonly ConcurrentDictionary<string, Queue<long>> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = TimeProvider.System;

    /// <summary>A one-second window (Severa's requests per second).</summary>
    public bool TryAcquire(string key, int limit) => TryAcquire(key, limit, TimeSpan.FromSeconds(1), out _);

    /// <param name="retryAfter">When refused: how long until the oldest counted call leaves the window.</param>
    public bool TryAcquire(string key, int limit, TimeSpan window, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (limit <= 0)
        {
            return true;
        }

        var calls = _windows.GetOrAdd(key, _ => new Queue<long>());
        lock (calls)
        {
            var now = _time.GetTimestamp();
            var windowTicks = (long)(window.TotalSeconds * _time.TimestampFrequency);
            while (calls.Count > 0 && calls.Peek() <= now - windowTicks)
            {
                calls.Dequeue();
            }

            if (calls.Count >= limit)
            {
                retryAfter = _time.GetElapsedTime(now, calls.Peek() + windowTicks);
                return false;
            }

            calls.Enqueue(now);
            return true;
        }
    }
}
