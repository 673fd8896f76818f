namespace ErpConnectors.Sandbox;

/// <summary>
/// Fault injection for one system, changeable while the server runs. Order per API request: queued one-shot
/// faults, then random 429/5xx by rate, then latency, then the real handler. Authentication endpoints get
/// none of it unless a queued fault names their path.
/// </summary>
public sealed partial class FaultOptions
{
    private readonly Lock _gate = new();
    private readonly List<PendingFault> _queue = [];
    private readonly Random _random;
    private TimeSpan _latency;
    private double _tooManyRequestsRate;
    private double _serverErrorRate;

    public FaultOptions()
        : this(0)
    {
    }

    /// <param name="seed">Seeds the random faults, so a run with rates is repeatable.</param>
    public FaultOptions(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>Added to every API request before it is answered (the wait ends if the client gives up).</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate) { _latency = value; }
        }
    }

    /// <summary>Probability (0..1) that an API request is answered 429.</summary>
    public double TooManyRequestsRate
    {
        get { lock (_gate) { return _tooManyRequestsRate; } }
        set
        {
            CheckProbability(value);
            lock (_gate) { _tooManyRequestsRate = value; }
        }
    }

    /// <summary>Probability (0..1) that an API request is answered 500 or 503.</summary>
    public double ServerErrorRate
    {
        get { lock (_gate) { return _serverErrorRate; } }
        set
        {
            CheckProbability(value);
            lock (_gate) { _serverErrorRate = value; }
        }
    }

    /// <summary>Redirects, stalled and trickling bodies, echoing gateways (see <see cref="HostileFaults"/>).</summary>
    public HostileFaults Hostile { get; } = new();

    /// <summary>One-shot faults not yet fired.</summary>
    public int PendingCount
    {
        get { lock (_gate) { return _queue.Count; } }
    }

    public void Enqueue(InjectedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.StatusCode, 100);
        ArgumentOutOfRangeException.ThrowIfNegative(fault.SkipMatches);
        lock (_gate) { _queue.Add(new PendingFault(fault)); }
    }

    /// <summary>Drops the queued faults (body faults too) and sets rates and latency back to zero.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _queue.Clear();
            _latency = TimeSpan.Zero;
            _tooManyRequestsRate = 0;
            _serverErrorRate = 0;
            ResetBodyFaults();
        }

        Hostile.Reset();
    }

    /// <summary>
    /// The queued fault this request fires, if any. Matching faults that still skip count this request as let
    /// through only when no fault fires on it.
    /// </summary>
    internal InjectedFault? TakeQueued(string method, string path, bool isAuthenticationEndpoint)
    {
        lock (_gate)
        {
            List<PendingFault>? skipping = null;
            for (var i = 0; i < _queue.Count; i++)
            {
                var pending = _queue[i];
                if (!Matches(pending.Fault, method, path, isAuthenticationEndpoint))
                {
                    continue;
                }

                if (pending.SkipsLeft == 0)
                {
                    _queue.RemoveAt(i);
                    return pending.Fault;
                }

                (skipping ??= []).Add(pending);
            }

            if (skipping is not null)
            {
                foreach (var pending in skipping)
                {
                    pending.SkipsLeft--;
                }
            }

            return null;
        }
    }

    /// <summary>A random 429 or 5xx status by the configured rates, or null.</summary>
    internal int? RollRandom()
    {
        lock (_gate)
        {
            if (_tooManyRequestsRate > 0 && _random.NextDouble() < _tooManyRequestsRate)
            {
                return 429;
            }

            if (_serverErrorRate > 0 && _random.NextDouble() < _serverErrorRate)
            {
                return _random.Next(2) == 0 ? 500 : 503;
            }

            return null;
        }
    }

    private static bool Matches(InjectedFault fault, string method, string path, bool isAuthenticationEndpoint)
    {
        if (fault.Method is not null && !string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (fault.PathContains is null)
        {
            return !isAuthenticationEndpoint;
        }

        return path.Contains(fault.PathContains, StringComparison.OrdinalIgnoreCase);
    }

    private static void CheckProbability(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A probability between 0 and 1.");
        }
    }

    private sealed class PendingFault(InjectedFault fault)
    {
        public InjectedFault Fault { get; } = fault;

        public int SkipsLeft { get; set; } = fault.SkipMatches;
    }
}
