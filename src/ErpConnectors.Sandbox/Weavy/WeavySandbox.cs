using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Weavy.Accounts;
using ErpConnectors.Sandbox.Weavy.Auth;
using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Outbox;
using ErpConnectors.Sandbox.Weavy.Schema;
using ErpConnectors.Sandbox.Weavy.Tasks;
using ErpConnectors.Sandbox.Weavy.Writes;

namespace ErpConnectors.Sandbox;

/// <summary>
/// The state of the emulated Divalto Weavy and the knobs tests turn: faults, token expiry, counters, the
/// records as writes left them, a server-side change to one record, accounts and licences, tasks, the outbox.
/// </summary>
public sealed class WeavySandbox
{
    private readonly Lazy<WeavyDatabase> _database;
    private int _authenticationRequests;
    private int _selectRequests;
    private int _bulkImportRequests;
    private int _appliedBulkImports;

    internal WeavySandbox(SandboxOptions options)
    {
        Options = options.Weavy;
        Time = options.TimeProvider;
        Faults = new FaultOptions(options.Seed);
        Tokens = new WeavyTokenStore(Time);
        PasswordExpiryUtc = Time.GetUtcNow().AddYears(1);

        // Seeded on first use, so hosts that never call Weavy pay nothing for it.
        var seed = options.Seed;
        var customerCount = options.Weavy.CustomerCount;
        _database = new Lazy<WeavyDatabase>(() => WeavySeed.Create(seed, customerCount, Time));
    }

    public FaultOptions Faults { get; }

    public WeavySandboxOptions Options { get; }

    /// <summary>POST v1/Authenticate requests received (successful or not).</summary>
    public int AuthenticationRequests => Volatile.Read(ref _authenticationRequests);

    /// <summary>Select requests handled (answered or refused by the emulation; not those stopped by quota or faults).</summary>
    public int SelectRequests => Volatile.Read(ref _selectRequests);

    /// <summary>BulkImport requests handled (applied or refused by the emulation; not those stopped by quota or faults).</summary>
    public int BulkImportRequests => Volatile.Read(ref _bulkImportRequests);

    /// <summary>BulkImport requests whose rows were applied.</summary>
    public int AppliedBulkImports => Volatile.Read(ref _appliedBulkImports);

    /// <summary>
    /// passwordExpiryUTC of the demo user (chosen: a year after the sandbox started; the document's example is cut).
    /// </summary>
    internal DateTimeOffset PasswordExpiryUtc { get; }

    internal TimeProvider Time { get; }

    internal WeavyTokenStore Tokens { get; }

    internal SlidingWindowRateLimiter Quota { get; } = new();

    internal WeavyDatabase Database => _database.Value;

    internal TaskQueue TaskQueue { get; } = new();

    internal ReportOutbox Outbox { get; } = new();

    /// <summary>The report outboxes received (POST .../outbox/report/), oldest first.</summary>
    public IReadOnlyList<WeavyOutboxReport> OutboxReports => Outbox.All;

    /// <summary>Accounts that may be Active at once (same as Options.LicenceCount); read on every Users call.</summary>
    public int LicenceCount
    {
        get => Options.LicenceCount;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            Options.LicenceCount = value;
        }
    }

    /// <summary>The user accounts (visible baseuser records), in code order.</summary>
    public IReadOnlyList<WeavyUserAccount> Accounts =>
        [.. Database.Visible(WeavyDictionary.BaseUserEntity).Select(AccountWriter.ToAccount)];

    /// <summary>Accounts whose status is Active: the licences in use.</summary>
    public int ActiveAccounts => Accounts.Count(a => a.Status == AccountStatuses.Active);

    /// <summary>Every task the Tasks route created, in creation order.</summary>
    public IReadOnlyList<WeavyTask> Tasks => TaskQueue.All;

    /// <summary>Every token issued so far stops working now: the next call with one gets 401 TokenExpired.</summary>
    public void ExpireTokens() => Tokens.ExpireAll();

    /// <summary>
    /// Every record of the entity as stored now, logically deleted ones included, in code order: field name →
    /// value (string, long, decimal, bool, DateTime or null), plus "deleted" (bool).
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Records(string entity)
    {
        var definition = Entity(entity);
        lock (Database.Gate)
        {
            return [.. Database.Table(definition).Records.Select(Snapshot)];
        }
    }

    /// <summary>One record as <see cref="Records"/> shows it (deleted or not), or null.</summary>
    public IReadOnlyDictionary<string, object?>? Record(string entity, string code)
    {
        var definition = Entity(entity);
        lock (Database.Gate)
        {
            return Database.Table(definition).Find(code) is { } record ? Snapshot(record) : null;
        }
    }

    /// <summary>The records of the entity a Select can see (logically deleted ones left out).</summary>
    public int Count(string entity) => Database.Visible(Entity(entity)).Count;

    /// <summary>
    /// Sets one record's srvDateUTC (to whole seconds, the wire's precision, so a client can send it back);
    /// nothing else changes. False when there is no such record.
    /// </summary>
    public bool SetSrvDateUtc(string entity, string code, DateTime srvDateUtc)
    {
        var definition = Entity(entity);
        var stamp = WeavyDatabase.Stamp(srvDateUtc, previous: null);
        lock (Database.Gate)
        {
            var table = Database.Table(definition);
            if (table.Find(code) is not { } record)
            {
                return false;
            }

            table.Put(record.With(FieldDefinition.ServerDate, stamp));
            return true;
        }
    }

    /// <summary>
    /// A change made in the CRM (by a mobile user, say): the record gets a new srvDateUTC and srvExport 0, as
    /// any write would give it. Returns the new srvDateUTC; null when there is no visible record.
    /// </summary>
    public DateTime? Touch(string entity, string code)
    {
        var definition = Entity(entity);
        return Changeset.Run(Database, changes => changes.FindVisible(definition, code) is { } record ? changes.Touch(record).ServerDate : (DateTime?)null);
    }

    /// <summary>Every pending task is done: the next Tasks call for the same code creates a new task.</summary>
    public void CompleteTasks() => TaskQueue.CompleteAll();

    public void ClearOutbox() => Outbox.Clear();

    internal void CountAuthenticationRequest() => Interlocked.Increment(ref _authenticationRequests);

    internal void CountSelectRequest() => Interlocked.Increment(ref _selectRequests);

    internal void CountBulkImportRequest() => Interlocked.Increment(ref _bulkImportRequests);

    internal void CountAppliedBulkImport() => Interlocked.Increment(ref _appliedBulkImports);

    private static EntityDefinition Entity(string name) =>
        WeavyDictionary.Find(name) ?? throw new ArgumentException($"No Weavy entity '{name}' (entities: {string.Join(", ", WeavyDictionary.Entities.Select(e => e.Name))}).", nameof(name));

    private static Dictionary<string, object?> Snapshot(WeavyRecord record) =>
        new(record.Values, StringComparer.Ordinal) { ["deleted"] = record.Deleted };
}
