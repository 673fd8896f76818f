using ErpConnectors.Sandbox.Microbizz.Auth;
using ErpConnectors.Sandbox.Microbizz.Data;

namespace ErpConnectors.Sandbox;

/// <summary>
/// The state of the emulated Microbizz GO and the knobs tests turn: faults, token expiry, counters, the
/// subscription, the device ids posted.
/// </summary>
public sealed class MicrobizzSandbox
{
    private readonly Lazy<MicrobizzDatabase> _database;
    private int _loginRequests;
    private int _tokensInQuery;
    private int _tokensInCookie;
    private long _rowsListed;

    internal MicrobizzSandbox(SandboxOptions options)
    {
        Options = options.Microbizz;
        Faults = new FaultOptions(options.Seed);
        var seed = options.Seed;
        Tokens = new MicrobizzTokenStore(options.Microbizz, seed);
        var time = options.TimeProvider;
        Time = time;
        var taskCount = options.Microbizz.TaskCount;

        // Built on first use, so hosts that never call Microbizz pay nothing for it.
        _database = new Lazy<MicrobizzDatabase>(() => new MicrobizzDatabase(seed, taskCount, time.GetUtcNow()));
    }

    public FaultOptions Faults { get; }

    public MicrobizzSandboxOptions Options { get; }

    /// <summary>POST login requests received (successful or not).</summary>
    public int LoginRequests => Volatile.Read(ref _loginRequests);

    /// <summary>Requests that carried access_token as a query parameter (the token then sits in URLs and logs).</summary>
    public int TokensInQuery => Volatile.Read(ref _tokensInQuery);

    /// <summary>Requests that carried the access_token cookie.</summary>
    public int TokensInCookie => Volatile.Read(ref _tokensInCookie);

    /// <summary>
    /// Rows handed to list answers so far. A client that stops reading early leaves the rest ungenerated (the
    /// answer is written as rows are made, and the write stops when the client goes), so this tells a streamed
    /// read from one that took the whole list.
    /// </summary>
    public long RowsListed => Interlocked.Read(ref _rowsListed);

    /// <summary>Tokens that expired at a random moment (<see cref="MicrobizzSandboxOptions.TokenExpiryRate"/>) so far.</summary>
    public int TokensExpiredAtRandom => Tokens.ExpiredAtRandom;

    /// <summary>Whether the demo company has a subscription (subscriptioninformation says got_subscription).</summary>
    public bool HasSubscription
    {
        get => Database.HasSubscription;
        set => Database.HasSubscription = value;
    }

    /// <summary>Whether the subscription renews by itself; POST cancelsubscription/1 sets it false.</summary>
    public bool SubscriptionRenewing => Database.Renewing;

    /// <summary>The device ids posted to deviceid: device id → platform name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DeviceIds => Database.DeviceIds();

    /// <summary>Files stored behind file fields now (a removed or replaced file is gone).</summary>
    public int FileCount => Database.Files.Count;

    internal TimeProvider Time { get; }

    internal MicrobizzTokenStore Tokens { get; }

    internal MicrobizzDatabase Database => _database.Value;

    /// <summary>Every token issued so far stops working now: the next request with one gets 401.</summary>
    public void ExpireTokens() => Tokens.ExpireAll();

    /// <summary>
    /// Every token issued so far makes <paramref name="requests"/> more authenticated requests and then
    /// expires (the document: a token "can be expected to expire anytime"). Tokens issued later are not affected.
    /// </summary>
    public void ExpireTokenAfter(int requests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        Tokens.ExpireAfter(requests);
    }

    internal IEnumerable<IReadOnlyDictionary<string, object?>> CountListed(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        foreach (var row in rows)
        {
            Interlocked.Increment(ref _rowsListed);
            yield return row;
        }
    }

    internal void CountLoginRequest() => Interlocked.Increment(ref _loginRequests);

    internal void CountTokenInQuery() => Interlocked.Increment(ref _tokensInQuery);

    internal void CountTokenInCookie() => Interlocked.Increment(ref _tokensInCookie);
}
