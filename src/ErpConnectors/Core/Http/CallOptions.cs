using System.Net.Http;
using System.Threading;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Core.Http;

/// <summary>
/// Per-request facts the handlers need: who to log to, whether the request may be replayed, whether it carries
/// secrets in its body. The connection's HTTP pipeline is shared by every cmdlet and runspace, so these travel
/// with the request, never with the pipeline.
/// </summary>
internal sealed class CallOptions
{
    private const string Key = "ErpConnectors.CallOptions";
    private int _retries;
    private int _timeouts;

    public CallOptions(string systemName, ICallOutput? output)
    {
        SystemName = systemName;
        Output = output;
    }

    public string SystemName { get; }

    public ICallOutput? Output { get; }

    /// <summary>The request may be sent again after it may have reached the server (safe, or idempotent).</summary>
    public bool Idempotent { get; set; }

    /// <summary>See <see cref="Requests.ApiRequest.SessionBound"/>.</summary>
    public bool SessionBound { get; set; }

    /// <summary>Token endpoints: the body and the answer hold secrets and are never logged.</summary>
    public bool SensitiveBody { get; set; }

    /// <summary>Sent without the connection's credentials (the token endpoints themselves).</summary>
    public bool Anonymous { get; set; }

    public int Retries => Volatile.Read(ref _retries);

    public void CountRetry() => Interlocked.Increment(ref _retries);

    /// <summary>"GET /customers", for messages about the call (set by the connection; no query string).</summary>
    public string? Call { get; set; }

    /// <summary>The call's deadlines, set when it enters the pipeline (see <see cref="DeadlineHandler"/>).</summary>
    public CallDeadline? Deadline { get; set; }

    /// <summary>Attempts that timed out so far.</summary>
    public int Timeouts => Volatile.Read(ref _timeouts);

    public void CountTimeout() => Interlocked.Increment(ref _timeouts);

    public void AttachTo(HttpRequestMessage request)
    {
#pragma warning disable CS0618 // Properties is the netstandard2.0 spelling of Options.
        request.Properties[Key] = this;
#pragma warning restore CS0618
    }

    public static CallOptions? Of(HttpRequestMessage request)
    {
#pragma warning disable CS0618
        return request.Properties.TryGetValue(Key, out object? value) ? value as CallOptions : null;
#pragma warning restore CS0618
    }
}
