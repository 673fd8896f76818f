using System;

namespace ErpConnectors.Core.Http;

/// <summary>How a connection retries and how long it waits. One instance per connection; tests shorten the delays.</summary>
internal sealed class RetrySettings
{
    /// <summary>The idle deadline when Connect-* is not told otherwise (see the README, "Reliability").</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The total deadline of one call when Connect-* is not told otherwise.</summary>
    public static readonly TimeSpan DefaultTotalTimeout = TimeSpan.FromSeconds(120);

    public int MaxRetries { get; set; } = 4;

    /// <summary>
    /// Attempts sent again after one timed out. A silent server costs an idle deadline per attempt, so one retry
    /// (not <see cref="MaxRetries"/>) keeps the error about a minute away by default, while a lost packet is still
    /// forgiven.
    /// </summary>
    public int MaxTimeoutRetries { get; set; } = 1;

    /// <summary>First backoff step; later ones grow exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, whatever Retry-After asks for.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest silence the connection accepts: until an attempt's response headers arrive, and between two
    /// reads of a body.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = DefaultIdleTimeout;

    /// <summary>
    /// The most one call may take: every attempt and the pauses between them until the headers, plus the time spent
    /// waiting for the body's bytes (not the time the pipeline takes to consume them).
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = DefaultTotalTimeout;
}
