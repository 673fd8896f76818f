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
    private int _answered;

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

    /// <summary>
    /// Waits until every request that has arrived has its entry (its answer is finished), or <paramref name="timeout"/>
    /// passes: a client can be done with an answer before the sandbox has logged it. False on time-out (a request
    /// still held, e.g. by injected latency).
    /// </summary>
    public bool WaitForAnswers(TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref _answered) < Volatile.Read(ref _arrived))
        {
            if (clock.Elapsed >= timeout)
            {
                return false;
            }

            Thread.Sleep(5);
        }

        return true;
    }

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

    /// <summary>
    /// <see cref="Snapshot"/> once every request that has arrived has its entry (see <see cref="WaitForAnswers"/>),
    /// or after <paramref name="timeout"/> (default 5 s) with what is there.
    /// </summary>
    public IReadOnlyList<LoggedRequest> AnsweredSnapshot(TimeSpan? timeout = null)
    {
        WaitForAnswers(timeout ?? TimeSpan.FromSeconds(5));
        return Snapshot();
    }

    /// <summary>
    /// <see cref="Clear"/> once every request that has arrived has its entry (or after <paramref name="timeout"/>,
    /// default 5 s): an answer the client has finished with, but the sandbox has not logged yet, is not left to
    /// appear after the clear.
    /// </summary>
    public void ClearWhenAnswered(TimeSpan? timeout = null)
    {
        WaitForAnswers(timeout ?? TimeSpan.FromSeconds(5));
        Clear();
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

        Interlocked.Increment(ref _answered);
    }

    private void Trim()
    {
        while (_entries.Count > _capacity)
        {
            _entries.Dequeue();
        }
    }
}
