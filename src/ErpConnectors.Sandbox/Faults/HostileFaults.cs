namespace ErpConnectors.Sandbox;

/// <summary>
/// One system's hostile-network faults, changeable while the server runs: queued one-shot faults (tests) and a
/// mode applied to every request (the command line's --hostile). A mode of a redirect or echo kind hits sign-in
/// endpoints too (that is the point: a module must not post a secret where it is sent); a stalled or trickling
/// body leaves them alone, so a client can connect and then meet it.
/// </summary>
public sealed class HostileFaults
{
    private readonly Lock _gate = new();
    private readonly List<Pending> _queue = [];
    private HostileFaultKind? _mode;
    private TimeSpan _trickleInterval = TimeSpan.FromSeconds(1);
    private int _stallAfterBytes = 40;
    private int _echoStatus = 502;

    /// <summary>Applied to every request of the system; null = none.</summary>
    public HostileFaultKind? Mode
    {
        get { lock (_gate) { return _mode; } }
        set { lock (_gate) { _mode = value; } }
    }

    /// <summary>The pause between two bytes of a trickling body (default one second).</summary>
    public TimeSpan TrickleInterval
    {
        get { lock (_gate) { return _trickleInterval; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate) { _trickleInterval = value; }
        }
    }

    /// <summary>How much of the body a stalled answer sends before its silence (default 40 bytes, never all of it).</summary>
    public int StallAfterBytes
    {
        get { lock (_gate) { return _stallAfterBytes; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            lock (_gate) { _stallAfterBytes = value; }
        }
    }

    /// <summary>The status of an echoing error (default 502, a gateway; a firewall's 403 is not retried by clients).</summary>
    public int EchoStatus
    {
        get { lock (_gate) { return _echoStatus; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 400);
            lock (_gate) { _echoStatus = value; }
        }
    }

    /// <summary>Where the foreign redirects point: set by the server to its <see cref="ForeignOrigin"/>.</summary>
    public Uri? ForeignRoot { get; internal set; }

    public int PendingCount
    {
        get { lock (_gate) { return _queue.Count; } }
    }

    public void Enqueue(HostileFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegative(fault.SkipMatches);
        lock (_gate) { _queue.Add(new Pending(fault)); }
    }

    /// <summary>Drops the queue and the mode; the trickle and stall settings go back to their defaults.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _queue.Clear();
            _mode = null;
            _trickleInterval = TimeSpan.FromSeconds(1);
            _stallAfterBytes = 40;
            _echoStatus = 502;
        }
    }

    /// <summary>The fault this request meets: a queued one first, else the mode; null = answer normally.</summary>
    internal HostileFaultKind? Take(string method, string path, bool isAuthenticationEndpoint, bool alreadyRedirected)
    {
        lock (_gate)
        {
            List<Pending>? skipping = null;
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
                    return pending.Fault.Kind;
                }

                (skipping ??= []).Add(pending);
            }

            foreach (var pending in skipping ?? [])
            {
                pending.SkipsLeft--;
            }

            if (_mode is not { } mode || (alreadyRedirected && mode == HostileFaultKind.RedirectSameOrigin))
            {
                return null;
            }

            var bodyFault = mode is HostileFaultKind.StallBody or HostileFaultKind.TrickleBody;
            return isAuthenticationEndpoint && bodyFault ? null : mode;
        }
    }

    private static bool Matches(HostileFault fault, string method, string path, bool isAuthenticationEndpoint)
    {
        if (fault.Method is not null && !string.Equals(fault.Method, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return fault.PathContains is null ? !isAuthenticationEndpoint : path.Contains(fault.PathContains, StringComparison.OrdinalIgnoreCase);
    }

    private sealed class Pending(HostileFault fault)
    {
        public HostileFault Fault { get; } = fault;

        public int SkipsLeft { get; set; } = fault.SkipMatches;
    }
}
