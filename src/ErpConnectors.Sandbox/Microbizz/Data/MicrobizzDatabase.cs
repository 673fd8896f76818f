namespace ErpConnectors.Sandbox.Microbizz.Data;

/// <summary>The collections, the files behind file fields, the subscription and the device ids.</summary>
internal sealed class MicrobizzDatabase
{
    private readonly Dictionary<string, ObjectTable> _tables = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _deviceIds = new(StringComparer.Ordinal);

    public MicrobizzDatabase(int seed, long taskCount, DateTimeOffset now)
    {
        var rows = new MicrobizzSeed(seed, taskCount);
        Add(MicrobizzObjects.Company, MicrobizzSeed.CompanyCount, rows.Company);
        Add(MicrobizzObjects.ForeignCompany, MicrobizzSeed.ForeignCompanyCount, rows.ForeignCompany);
        Add(MicrobizzObjects.User, MicrobizzSeed.UserCount, rows.User);
        Add(MicrobizzObjects.Task, taskCount, rows.Task);
        Add(MicrobizzObjects.Assignment, rows.AssignmentCount, rows.Assignment);
        Add(MicrobizzObjects.Connection, MicrobizzSeed.ConnectionCount, rows.Connection);
        Add(MicrobizzObjects.Notification, MicrobizzSeed.NotificationCount, rows.Notification);

        // Chosen: the demo company's subscription renews yearly, a year from the sandbox's start.
        SubscriptionEndDate = DateOnly.FromDateTime(now.UtcDateTime).AddYears(1);
    }

    public FileStore Files { get; } = new();

    public bool HasSubscription { get; set; } = true;

    public bool Renewing { get; set; } = true;

    public DateOnly SubscriptionEndDate { get; }

    /// <summary>Price per user per month (chosen), in DKK.</summary>
    public decimal UnitPrice { get; } = 149.00m;

    public ObjectTable Table(string name) => _tables[name];

    /// <summary>True when the id was new, false when it was known (posting it again only refreshes it).</summary>
    public bool PutDeviceId(string platform, string deviceId)
    {
        lock (_gate)
        {
            var known = _deviceIds.ContainsKey(deviceId);
            _deviceIds[deviceId] = platform;
            return !known;
        }
    }

    public IReadOnlyList<KeyValuePair<string, string>> DeviceIds()
    {
        lock (_gate)
        {
            return [.. _deviceIds];
        }
    }

    private void Add(string name, long count, Func<long, Dictionary<string, object?>> generate) =>
        _tables[name] = new ObjectTable(MicrobizzObjects.Find(name)!, count, generate);
}
