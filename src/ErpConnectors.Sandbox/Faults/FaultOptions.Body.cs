namespace ErpConnectors.Sandbox;

/// <summary>Body faults: answers whose body breaks off, is not JSON, or is enormous. Queued ones first, then by rate.</summary>
public sealed partial class FaultOptions
{
    /// <summary>Bytes of the body sent before a random cut-off when none is given.</summary>
    public const long DefaultCutAfterBytes = 1000;

    /// <summary>The size of a random huge error body when none is given.</summary>
    public const long DefaultHugeErrorBytes = 200L * 1024 * 1024;

    private readonly List<(BodyFault Fault, int SkipsLeft)> _bodyQueue = [];
    private double _cutOffRate;
    private long _cutAfterBytes = DefaultCutAfterBytes;
    private double _htmlRate;
    private double _hugeErrorRate;
    private long _hugeErrorBytes = DefaultHugeErrorBytes;
    private long _hugeErrorBytesSent;
    private int _bodyFaultsFired;

    /// <summary>Probability (0..1) that an API answer's body is cut off (the connection aborted) after <see cref="CutAfterBytes"/> bytes.</summary>
    public double CutOffRate
    {
        get { lock (_gate) { return _cutOffRate; } }
        set
        {
            CheckProbability(value);
            lock (_gate) { _cutOffRate = value; }
        }
    }

    public long CutAfterBytes
    {
        get { lock (_gate) { return _cutAfterBytes; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (_gate) { _cutAfterBytes = value; }
        }
    }

    /// <summary>Probability (0..1) that an API request is answered 200 with an HTML sign-in page.</summary>
    public double HtmlRate
    {
        get { lock (_gate) { return _htmlRate; } }
        set
        {
            CheckProbability(value);
            lock (_gate) { _htmlRate = value; }
        }
    }

    /// <summary>Probability (0..1) that an API request is answered 500 with a body of <see cref="HugeErrorBytes"/> bytes.</summary>
    public double HugeErrorRate
    {
        get { lock (_gate) { return _hugeErrorRate; } }
        set
        {
            CheckProbability(value);
            lock (_gate) { _hugeErrorRate = value; }
        }
    }

    public long HugeErrorBytes
    {
        get { lock (_gate) { return _hugeErrorBytes; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (_gate) { _hugeErrorBytes = value; }
        }
    }

    /// <summary>Bytes of huge error bodies the server could write before each client went away: what a client read, at most.</summary>
    public long HugeErrorBytesSent => Interlocked.Read(ref _hugeErrorBytesSent);

    /// <summary>Body faults fired since the last <see cref="Reset"/> (queued and random).</summary>
    public int BodyFaultsFired => Volatile.Read(ref _bodyFaultsFired);

    public void Enqueue(BodyFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(fault.SkipMatches);
        ArgumentOutOfRangeException.ThrowIfNegative(fault.Bytes);
        lock (_gate) { _bodyQueue.Add((fault, fault.SkipMatches)); }
    }

    internal void CountHugeErrorBytes(long bytes) => Interlocked.Add(ref _hugeErrorBytesSent, bytes);

    /// <summary>The body fault this request fires: a queued one, else one by the rates (never on authentication endpoints).</summary>
    internal BodyFault? TakeBodyFault(string method, string path, bool isAuthenticationEndpoint)
    {
        BodyFault? fault = TakeQueuedBody(method, path, isAuthenticationEndpoint) ?? (isAuthenticationEndpoint ? null : RollBody());
        if (fault is not null)
        {
            Interlocked.Increment(ref _bodyFaultsFired);
        }

        return fault;
    }

    private BodyFault? TakeQueuedBody(string method, string path, bool isAuthenticationEndpoint)
    {
        lock (_gate)
        {
            BodyFault? fired = null;
            for (var i = 0; i < _bodyQueue.Count; i++)
            {
                var (fault, skipsLeft) = _bodyQueue[i];
                if (!Matches(new InjectedFault(500, fault.Method, fault.PathContains), method, path, isAuthenticationEndpoint))
                {
                    continue;
                }

                if (skipsLeft == 0 && fired is null)
                {
                    fired = fault;
                    _bodyQueue.RemoveAt(i--);
                }
                else if (skipsLeft > 0)
                {
                    _bodyQueue[i] = (fault, skipsLeft - 1);
                }
            }

            return fired;
        }
    }

    private BodyFault? RollBody()
    {
        lock (_gate)
        {
            if (_cutOffRate > 0 && _random.NextDouble() < _cutOffRate)
            {
                return new BodyFault(BodyFaultKind.CutOff, Bytes: _cutAfterBytes);
            }

            if (_htmlRate > 0 && _random.NextDouble() < _htmlRate)
            {
                return new BodyFault(BodyFaultKind.Html);
            }

            if (_hugeErrorRate > 0 && _random.NextDouble() < _hugeErrorRate)
            {
                return new BodyFault(BodyFaultKind.HugeError, Bytes: _hugeErrorBytes);
            }

            return null;
        }
    }

    // Called from Reset, under its lock.
    private void ResetBodyFaults()
    {
        _bodyQueue.Clear();
        _cutOffRate = 0;
        _cutAfterBytes = DefaultCutAfterBytes;
        _htmlRate = 0;
        _hugeErrorRate = 0;
        _hugeErrorBytes = DefaultHugeErrorBytes;
        Interlocked.Exchange(ref _hugeErrorBytesSent, 0);
        Interlocked.Exchange(ref _bodyFaultsFired, 0);
    }
}
