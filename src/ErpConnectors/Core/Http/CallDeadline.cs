using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;

namespace ErpConnectors.Core.Http;

/// <summary>
/// The clock of one call against its two deadlines. Until the headers arrive everything counts (attempts, pauses,
/// pacing); after that only the time spent waiting for the body's bytes, so a pipeline that consumes slowly is
/// never mistaken for a server that answers slowly.
/// </summary>
internal sealed class CallDeadline
{
    private readonly Stopwatch _headers = Stopwatch.StartNew();
    private long _bodyWaitTicks;

    public CallDeadline(TimeSpan idle, TimeSpan total)
    {
        Idle = idle;
        Total = total;
    }

    public TimeSpan Idle { get; }

    public TimeSpan Total { get; }

    /// <summary>What is left of the total deadline.</summary>
    public TimeSpan Remaining => Total - _headers.Elapsed - TimeSpan.FromTicks(Interlocked.Read(ref _bodyWaitTicks));

    /// <summary>How long the next wait may last: the idle deadline, or less when the total one is nearer.</summary>
    public TimeSpan NextWait
    {
        get
        {
            TimeSpan remaining = Remaining;
            if (remaining <= TimeSpan.Zero)
            {
                return TimeSpan.Zero;
            }

            return remaining < Idle ? remaining : Idle;
        }
    }

    /// <summary>Whether the wait that just ended was cut by the total deadline rather than the idle one.</summary>
    public bool TotalSpent => Remaining <= TimeSpan.FromMilliseconds(1);

    public void HeadersArrived() => _headers.Stop();

    public void AddBodyWait(TimeSpan wait) => Interlocked.Add(ref _bodyWaitTicks, wait.Ticks);

    /// <summary>The error text for a wait that ran out: which deadline, and how long it is.</summary>
    public string Describe(bool inBody, bool totalSpent) => totalSpent
        ? string.Format(CultureInfo.InvariantCulture, "no complete answer within the total timeout of {0} (-RequestTimeoutSec)", Seconds(Total))
        : string.Format(CultureInfo.InvariantCulture, inBody ? "the answer's body stalled: no data for {0} (idle timeout, -IdleTimeoutSec)" : "no answer within the idle timeout of {0} (-IdleTimeoutSec)", Seconds(Idle));

    private static string Seconds(TimeSpan span) => span.TotalSeconds >= 1
        ? span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
        : span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";
}
