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
    private int _arrived;

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

    /// <summary>
    /// Requests that have arrived, answered or not (an entry is added only when its answer is finished): lets a
    /// test see that a request is in flight, e.g. held by injected latency.
    /// </summary>
    public int Arrived => Volatile.Read(ref _arrived);

    public int Count
    {
        get { lock (_gate) { return _entries.Count; } }
    }

    /// <summary>
    /// The entries in the order the requests arrived. An entry is added when its answer is finished, which for a
    /// client reading ahead (page 2 asked for while page 1 is still being read) is not the order they were sent.
    /// </summary>
    public IReadOnlyList<LoggedRequest> Snapshot()
    {
        LoggedRequest[] entries;
        lock (_gate)
        {
            entries = [.. _entries];
        }

        return [.. entries.OrderBy(e => e.TimeUtc)]; // stable: equal times keep the order they finished in
    }

    public void Clear()
    {
        lock (_gate) { _entries.Clear(); }
    }

    internal void NoteArrival() => Interlocked.Increment(ref _arrived);

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
