namespace ErpConnectors.Sandbox.Weavy.Outbox;

/// <summary>The report outboxes received, oldest first, kept for tests to inspect (no report is generated).</summary>
internal sealed class ReportOutbox
{
    private readonly Lock _gate = new();
    private readonly List<WeavyOutboxReport> _reports = [];

    public IReadOnlyList<WeavyOutboxReport> All
    {
        get { lock (_gate) { return [.. _reports]; } }
    }

    public void Add(WeavyOutboxReport report)
    {
        lock (_gate) { _reports.Add(report); }
    }

    public void Clear()
    {
        lock (_gate) { _reports.Clear(); }
    }
}
