using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Paging;
using ErpConnectors.Sandbox.Severa.Writes;

namespace ErpConnectors.Sandbox;

/// <summary>
/// The state of the emulated Severa and the knobs tests turn: faults, token expiry, counters, and the
/// records as writes left them.
/// </summary>
public sealed class SeveraSandbox
{
    /// <summary>Guids carry a 32-bit index, and addresses are three per customer.</summary>
    public const int MaxCustomerCount = 1_000_000_000;

    private readonly Lazy<WorkHourStore> _workHours;
    private readonly Lazy<InvoiceStore> _invoices;
    private int _tokenRequests;
    private int _refreshRequests;

    internal SeveraSandbox(SandboxOptions options)
    {
        Options = options.Severa;
        Time = options.TimeProvider;
        Faults = new FaultOptions(options.Seed);
        Data = new SeveraData(options.Seed, options.Severa.CustomerCount);
        Tokens = new TokenStore(Time);
        PageTokens = new PageTokenCodec(options.Seed);
        Clients = SeveraApiClient.Defaults;
        _workHours = new Lazy<WorkHourStore>(() => new WorkHourStore(Data.Guids, Data.Graph.SeededWorkHours, Data.Graph.SeededDeletedWorkHours));
        _invoices = new Lazy<InvoiceStore>(() => new InvoiceStore(Data.Guids, Data.Graph.SeededInvoices));
    }

    public FaultOptions Faults { get; }

    public SeveraSandboxOptions Options { get; }

    public SeveraData Data { get; }

    /// <summary>POST /token calls received (successful or not).</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>POST /refreshtoken calls received (successful or not).</summary>
    public int RefreshRequests => Volatile.Read(ref _refreshRequests);

    public int WorkHourCount => WorkHourStore.Count;

    /// <summary>The work hours as they are now, in list order.</summary>
    public IReadOnlyList<SeveraWorkHour> WorkHours => WorkHourStore.Snapshot();

    public IReadOnlyList<SeveraInvoice> Invoices => InvoiceStore.Snapshot();

    /// <summary>The work hours deleted so far (seeded history, then every DELETE), in deletion order.</summary>
    public IReadOnlyList<SeveraDeletedWorkHour> DeletedWorkHours => WorkHourStore.ScanDeleted(0, _ => true, int.MaxValue).Select(d => d.Row).ToList();

    internal TimeProvider Time { get; }

    internal TokenStore Tokens { get; }

    internal PageTokenCodec PageTokens { get; }

    internal SlidingWindowRateLimiter RateLimiter { get; } = new();

    internal IReadOnlyList<SeveraApiClient> Clients { get; }

    internal WorkHourStore WorkHourStore => _workHours.Value;

    /// <summary>rowCount limit of the lists whose published definition states no maximum.</summary>
    internal RowCountLimit GuideRowLimit => new(Options.MaxRowCount, Options.RowCountAboveMaximum == SeveraRowCountPolicy.Cap);

    /// <summary>rowCount limit of the lists whose published OpenAPI says "maximum 100".</summary>
    internal RowCountLimit LimitedRowLimit => new(Math.Min(Options.LimitedMaxRowCount, Options.MaxRowCount), Options.RowCountAboveMaximum == SeveraRowCountPolicy.Cap);

    internal InvoiceStore InvoiceStore => _invoices.Value;

    /// <summary>Every access token issued so far stops working now: the next call with one gets 401.</summary>
    public void ExpireAccessTokens() => Tokens.ExpireAccessTokens();

    /// <summary>The work hour as it is now; null when it does not exist or was deleted.</summary>
    public SeveraWorkHour? GetWorkHour(Guid guid) => WorkHourStore.Get(guid);

    public SeveraInvoice? GetInvoice(Guid guid) => InvoiceStore.Get(guid);

    internal void CountTokenRequest() => Interlocked.Increment(ref _tokenRequests);

    internal void CountRefreshRequest() => Interlocked.Increment(ref _refreshRequests);

    /// <summary>"Now" for lastUpdatedDateTime of a write, to the millisecond like the vendor's timestamps.</summary>
    internal DateTimeOffset Now()
    {
        var now = Time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }
}
