using ErpConnectors.Sandbox.Jiwa;
using ErpConnectors.Sandbox.Jiwa.Auth;
using ErpConnectors.Sandbox.Jiwa.Data;

namespace ErpConnectors.Sandbox;

/// <summary>
/// The state of the emulated Jiwa and the knobs tests turn: faults, session expiry, the AutoQuery Take cap,
/// counters, and how many stateful objects the server holds.
/// </summary>
public sealed class JiwaSandbox
{
    private readonly Lazy<JiwaRecords> _records;
    private int _loginRequests;
    private int _logoutRequests;
    private int _keepAliveRequests;

    internal JiwaSandbox(SandboxOptions options)
    {
        Options = options.Jiwa;
        Time = options.TimeProvider;
        Faults = new FaultOptions(options.Seed);
        _records = new Lazy<JiwaRecords>(() => new JiwaRecords(JiwaSeed.Generate(options.Seed, Options.DebtorCount, Options.InventoryCount), Now));
        Sessions = new SessionStore(Time, () => Options.SessionLifetime, id => DropStateful(JiwaCaller.OfSession(id, string.Empty).Key));
    }

    public FaultOptions Faults { get; }

    public JiwaSandboxOptions Options { get; }

    /// <summary>AutoQuery's MaxLimit, changeable while the server runs: no list answer holds more rows.</summary>
    public int TakeCap
    {
        get => Options.TakeCap;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Options.TakeCap = value;
        }
    }

    /// <summary>Sign-in attempts received (POST /auth, or GET /auth with credentials), successful or not.</summary>
    public int LoginRequests => Volatile.Read(ref _loginRequests);

    /// <summary>GET or POST /auth/logout calls received.</summary>
    public int LogoutRequests => Volatile.Read(ref _logoutRequests);

    /// <summary>Authenticated GET /KeepAlive calls answered.</summary>
    public int KeepAliveRequests => Volatile.Read(ref _keepAliveRequests);

    /// <summary>Sessions that are signed in and not expired now.</summary>
    public int ActiveSessionCount => Sessions.ActiveCount;

    /// <summary>Stateful debtors, sales orders and quotes held in callers' caches (loaded or created, not yet saved or abandoned).</summary>
    public int StatefulObjectCount => _records.IsValueCreated ? Records.StatefulObjectCount : 0;

    /// <summary>Saved sales orders, seeded and created (stateful ones count once saved).</summary>
    public int SalesOrderCount => Records.SalesOrders.Records.Store.Count;

    public int SalesQuoteCount => Records.SalesQuotes.Records.Store.Count;

    internal TimeProvider Time { get; }

    internal SessionStore Sessions { get; }

    internal JiwaRecords Records => _records.Value;

    /// <summary>Every live session dies now (and the stateful objects it held): the next call with one gets 401.</summary>
    public void ExpireSessions() => Sessions.EndAll();

    internal void CountLogin() => Interlocked.Increment(ref _loginRequests);

    internal void CountLogout() => Interlocked.Increment(ref _logoutRequests);

    internal void CountKeepAlive() => Interlocked.Increment(ref _keepAliveRequests);

    /// <summary>"Now" for LastSavedDateTime: server local time (UTC here), whole seconds as the wire shows it.</summary>
    internal DateTime Now()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
    }

    private void DropStateful(string caller)
    {
        if (_records.IsValueCreated)
        {
            Records.DropStateful(caller);
        }
    }
}
