using System;

namespace ErpConnectors.Core.Http;

/// <summary>How a connection retries. One instance per connection; tests shorten the delays.</summary>
internal sealed class RetrySettings
{
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff step; later ones grow exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, whatever Retry-After asks for.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take until the response headers arrive.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
