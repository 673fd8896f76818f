namespace ErpConnectors.Sandbox;

/// <summary>
/// Every request the sandbox received, oldest first, so tests can assert what a client actually sent
/// (counts, query parameters, headers, bodies). Thread-safe; keeps the newest <see cref="Capacity"/> entries.
/// </summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly Queue<LoggedRequest> _entries = new();
    private int _capacity = 100_000;

    public int Capacity
    {
        get { lock (_gate) { return _capacity; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            lock (_gate)
            {
                _capacity = value;
                Trim();
            }
        }
    }

    public int Count
    {
        get { lock (_gate) { return _entries.Count; } }
    }

    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        lock (_gate) { return [.. _entries]; }
    }

    public void Clear()
    {
        lock (_gate) { _entries.Clear(); }
    }

    internal void Add(LoggedRequest entry)
    {
        lock (_gate)
        {
            _entries.Enqueue(entry);
            Trim();
        }
    }

    private void Trim()
    {
        while (_entries.Count > _capacity)
        {
            _entries.Dequeue();
        }
    }
}
