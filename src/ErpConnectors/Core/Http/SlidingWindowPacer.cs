using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Http;

/// <summary>
/// Client-side pacing: never more than <c>permits</c> requests start in any window, yet a request waits only as
/// long as that rule needs (a sliding log, not fixed buckets, so the rate stays close to the limit). Vendors count
/// quotas per client id, not per connection, so pacers are shared through <see cref="For"/>.
/// </summary>
internal sealed class SlidingWindowPacer
{
    // A request reaches the server a little after it leaves; the margin keeps jitter from looking like a burst.
    internal static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);

    private static readonly ConcurrentDictionary<string, SlidingWindowPacer> Shared = new(StringComparer.Ordinal);

    private readonly long[] _starts;
    private readonly long _windowTicks;
    private readonly object _sync = new();
    private int _next;

    public SlidingWindowPacer(int permits, TimeSpan window)
    {
        if (permits < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permits));
        }

        _starts = new long[permits];
        for (int i = 0; i < permits; i++)
        {
            _starts[i] = long.MinValue;
        }

        _windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        Permits = permits;
        Window = window;
    }

    public int Permits { get; }

    public TimeSpan Window { get; }

    /// <summary>The pacer shared by every connection with the same key (system, host, client id, limit).</summary>
    public static SlidingWindowPacer For(string key, int permitsPerSecond) =>
        Shared.GetOrAdd($"{key}|{permitsPerSecond}", _ => new SlidingWindowPacer(permitsPerSecond, TimeSpan.FromSeconds(1) + Margin));

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            long wait;
            lock (_sync)
            {
                long now = Stopwatch.GetTimestamp();
                long oldest = _starts[_next];
                wait = oldest == long.MinValue ? 0 : oldest + _windowTicks - now;
                if (wait <= 0)
                {
                    _starts[_next] = now;
                    _next = (_next + 1) % _starts.Length;
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken).ConfigureAwait(false);
        }
    }
}
