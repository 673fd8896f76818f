using System.Collections.Concurrent;

namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>
/// At most N calls per client id in any one-second window (not per calendar second: a burst straddling a
/// second boundary is still refused). A refused call is not counted.
/// </summary>
internal sealed class SlidingWindowRateLimiter
{
    private readonly ConcurrentDictionary<string, Queue<long>> _windows = new(StringComparer.Ordinal);
    private readonly TimeProvider _time = TimeProvider.System;

    public bool TryAcquire(string clientId, int limit)
    {
        if (limit <= 0)
        {
            return true;
        }

        var window = _windows.GetOrAdd(clientId, _ => new Queue<long>());
        lock (window)
        {
            var now = _time.GetTimestamp();
            var oneSecondAgo = now - _time.TimestampFrequency;
            while (window.Count > 0 && window.Peek() <= oneSecondAgo)
            {
                window.Dequeue();
            }

            if (window.Count >= limit)
            {
                return false;
            }

            window.Enqueue(now);
            return true;
        }
    }
}
