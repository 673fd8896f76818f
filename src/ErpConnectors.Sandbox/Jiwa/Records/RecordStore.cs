namespace ErpConnectors.Sandbox.Jiwa.Records;

/// <summary>A saved record and the revision it is at: every save adds one.</summary>
internal readonly record struct Versioned<T>(T Record, long Revision);

/// <summary>
/// The saved records of one kind, seeded then changed by writes, in insertion order. Ids match
/// case-insensitively (Jiwa keeps them in a case-insensitive SQL Server column). Thread-safe: every read and
/// write takes one lock, and <paramref name="check"/> runs under it before every save, so a rule that looks at
/// the other records (a unique account number) cannot race.
/// <para>
/// The revision is what the optimistic-concurrency check compares. LastSavedDateTime is what the vendor
/// compares, but the wire shows it in whole seconds (and a test clock may not move at all), so two saves within
/// one second would look alike; the revision stands in for the database's finer timestamp.
/// </para>
/// </summary>
internal sealed class RecordStore<T>(Func<T, string> idOf, IEnumerable<T> seeded, Action<T, IEnumerable<T>>? check = null)
    where T : class
{
    private readonly Lock _gate = new();
    private readonly List<Versioned<T>> _rows = [.. seeded.Select(r => new Versioned<T>(r, 1))];
    private Dictionary<string, int>? _positions;

    public int Count
    {
        get { lock (_gate) { return _rows.Count; } }
    }

    public Versioned<T>? Get(string id)
    {
        lock (_gate)
        {
            return Positions().TryGetValue(id, out var position) ? _rows[position] : null;
        }
    }

    /// <summary>The first record (in insertion order) that <paramref name="match"/> accepts, or null.</summary>
    public T? Find(Func<T, bool> match)
    {
        lock (_gate) { return _rows.Select(r => r.Record).FirstOrDefault(match); }
    }

    /// <summary>The records as they are now, in insertion order.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate) { return [.. _rows.Select(r => r.Record)]; }
    }

    public T Add(T record)
    {
        lock (_gate)
        {
            check?.Invoke(record, Others(idOf(record)));
            Positions()[idOf(record)] = _rows.Count;
            _rows.Add(new Versioned<T>(record, 1));
            return record;
        }
    }

    /// <summary>Replaces a record with what <paramref name="change"/> makes of it (atomically); null when there is none.</summary>
    public T? Update(string id, Func<T, T> change)
    {
        lock (_gate)
        {
            if (!Positions().TryGetValue(id, out var position))
            {
                return null;
            }

            var current = _rows[position];
            var updated = change(current.Record);
            check?.Invoke(updated, Others(id));
            _rows[position] = new Versioned<T>(updated, current.Revision + 1);
            return updated;
        }
    }

    /// <summary>
    /// Saves a copy read at <paramref name="readRevision"/>, unless the record was saved since (then false and
    /// nothing changes). Null when the record no longer exists.
    /// </summary>
    public bool? TrySave(string id, long readRevision, T record)
    {
        lock (_gate)
        {
            if (!Positions().TryGetValue(id, out var position))
            {
                return null;
            }

            var current = _rows[position];
            if (current.Revision != readRevision)
            {
                return false;
            }

            check?.Invoke(record, Others(id));
            _rows[position] = new Versioned<T>(record, current.Revision + 1);
            return true;
        }
    }

    private IEnumerable<T> Others(string id) =>
        _rows.Where(r => !string.Equals(idOf(r.Record), id, StringComparison.OrdinalIgnoreCase)).Select(r => r.Record);

    /// <summary>Built on first use, so a store nobody reads costs no index.</summary>
    private Dictionary<string, int> Positions()
    {
        if (_positions is null)
        {
            _positions = new Dictionary<string, int>(_rows.Count, StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < _rows.Count; i++)
            {
                _positions[idOf(_rows[i].Record)] = i;
            }
        }

        return _positions;
    }
}
