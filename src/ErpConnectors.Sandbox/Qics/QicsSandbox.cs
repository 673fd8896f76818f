using ErpConnectors.Sandbox.Qics.Auth;
using ErpConnectors.Sandbox.Qics.Data;

namespace ErpConnectors.Sandbox;

/// <summary>
/// The state of the emulated QicsMilestones and the knobs tests turn: faults, paging style, tokens,
/// counters, and the EntityState records as writes left them.
/// </summary>
public sealed class QicsSandbox
{
    /// <summary>Rows live in memory, so the customer count is bounded.</summary>
    public const int MaxCustomerCount = 100_000;

    private readonly Lazy<QicsCatalog> _catalog;
    private int _authorizationRequests;
    private int _codeExchanges;
    private int _refreshRequests;
    private int _rejectedRefreshes;

    internal QicsSandbox(SandboxOptions options)
    {
        Options = options.Qics;
        Time = options.TimeProvider;
        Faults = new FaultOptions(options.Seed);
        Tokens = new QicsTokenStore(Time);

        // Seeded on first use, so hosts that never call Qics (the Severa benchmark) pay nothing for it.
        var seed = options.Seed;
        var customerCount = options.Qics.CustomerCount;
        _catalog = new Lazy<QicsCatalog>(() => new QicsCatalog(QicsSeed.Create(seed, customerCount), Time));
    }

    public FaultOptions Faults { get; }

    public QicsSandboxOptions Options { get; }

    /// <summary>Server-driven paging with "@odata.nextLink" (same as Options.UseNextLinks).</summary>
    public bool UseNextLinks
    {
        get => Options.UseNextLinks;
        set => Options.UseNextLinks = value;
    }

    /// <summary>Collection answers as bare JSON arrays (same as Options.BareArrays).</summary>
    public bool BareArrays
    {
        get => Options.BareArrays;
        set => Options.BareArrays = value;
    }

    /// <summary>GET oauth2/oauth2/auth requests received (whatever their outcome).</summary>
    public int AuthorizationRequests => Volatile.Read(ref _authorizationRequests);

    /// <summary>Token requests with grant_type=authorization_code (successful or not).</summary>
    public int CodeExchanges => Volatile.Read(ref _codeExchanges);

    /// <summary>Token requests with grant_type=refresh_token (successful or not).</summary>
    public int RefreshRequests => Volatile.Read(ref _refreshRequests);

    /// <summary>Refresh requests answered with an error (reused, revoked, unknown token, bad client...).</summary>
    public int RejectedRefreshes => Volatile.Read(ref _rejectedRefreshes);

    /// <summary>The companies of the sandbox tenant: EntityState.CompanyId must be one of them.</summary>
    public IReadOnlyList<long> CompanyIds => QicsDatabase.CompanyIds;

    /// <summary>Every EntityState record as it is now, by EntityStateId.</summary>
    public IReadOnlyList<QicsEntityState> EntityStates =>
    [
        .. Catalog.EntityStates.Rows().Select(r => new QicsEntityState(
            (long)r["EntityStateId"]!,
            (long)r["CompanyId"]!,
            (string)r["DataSource"]!,
            (string)r["EntityType"]!,
            (long)r["EntityId"]!,
            (string?)r["DataSourceKey"],
            (DateTimeOffset?)r["DataSourceDate"],
            (bool)r["IsError"]!,
            (string?)r["Message"])),
    ];

    internal TimeProvider Time { get; }

    internal QicsTokenStore Tokens { get; }

    internal QicsCatalog Catalog => _catalog.Value;

    /// <summary>The next authorization request is refused as if the user clicked "deny": a redirect with error=access_denied.</summary>
    public void DenyNextAuthorization() => Tokens.DenyNextAuthorization();

    /// <summary>
    /// A refresh token of a new authorization for the sandbox client, as a runbook stores it after a one-time
    /// sign-in: exchange it at the token endpoint (grant_type=refresh_token) for an access token.
    /// </summary>
    public string IssueRefreshToken() => Tokens.IssueRefreshToken(SandboxCredentials.QicsClientId);

    /// <summary>Every access token issued so far stops working now: the next API call with one gets 401.</summary>
    public void ExpireAccessTokens() => Tokens.ExpireAccessTokens();

    internal void CountAuthorizationRequest() => Interlocked.Increment(ref _authorizationRequests);

    internal void CountCodeExchange() => Interlocked.Increment(ref _codeExchanges);

    internal void CountRefreshRequest() => Interlocked.Increment(ref _refreshRequests);

    internal void CountRejectedRefresh() => Interlocked.Increment(ref _rejectedRefreshes);
}
