namespace ErpConnectors.Sandbox.Microbizz.Data;

/// <summary>
/// One collection: rows 1..GeneratedCount computed from (seed, id) on demand, plus an overlay of the rows
/// writes created, changed or deleted. A million generated tasks cost no memory; a list walks the ids and
/// yields each row as it is computed.
/// </summary>
internal sealed class ObjectTable(ObjectDefinition definition, long generatedCount, Func<long, Dictionary<string, object?>> generate)
{
    private readonly Lock _gate = new();

    /// <summary>id → the row as writes left it; null = deleted.</summary>
    private readonly Dictionary<long, Dictionary<string, object?>?> _overlay = [];
    private long _nextId = generatedCount + 1;

    public ObjectDefinition Definition { get; } = definition;

    public bool Exists(long id) => Find(id) is not null;

    /// <summary>A copy of the row, or null.</summary>
    public Dictionary<string, object?>? Find(long id)
    {
        lock (_gate)
        {
            return FindLocked(id) is { } row ? new(row, StringComparer.Ordinal) : null;
        }
    }

    /// <summary>Every row in id order, as the table was when the walk started (writes made meanwhile are not seen).</summary>
    public IEnumerable<Dictionary<string, object?>> All()
    {
        Dictionary<long, Dictionary<string, object?>?> overlay;
        long end;
        lock (_gate)
        {
            overlay = new(_overlay);
            end = _nextId;
        }

        for (var id = 1L; id < end; id++)
        {
            if (overlay.TryGetValue(id, out var changed))
            {
                if (changed is not null)
                {
                    yield return changed;
                }
            }
            else if (id <= generatedCount)
            {
                yield return generate(id);
            }
        }
    }

    /// <summary>Stores a new row with the next id (set into its key field) and returns it.</summary>
    public Dictionary<string, object?> Create(Dictionary<string, object?> row)
    {
        lock (_gate)
        {
            var id = _nextId++;
            row[Definition.Key!.Name] = id;
            _overlay[id] = row;
            return new(row, StringComparer.Ordinal);
        }
    }

    /// <summary>Changes a row in place (under the table's lock); the row after, or null when there is none.</summary>
    public Dictionary<string, object?>? Update(long id, Action<Dictionary<string, object?>> change)
    {
        lock (_gate)
        {
            if (FindLocked(id) is not { } found)
            {
                return null;
            }

            var row = new Dictionary<string, object?>(found, StringComparer.Ordinal);
            change(row);
            _overlay[id] = row;
            return new(row, StringComparer.Ordinal);
        }
    }

    /// <summary>The deleted row, or null when there was none.</summary>
    public Dictionary<string, object?>? Delete(long id)
    {
        lock (_gate)
        {
            if (FindLocked(id) is not { } found)
            {
                return null;
            }

            _overlay[id] = null;
            return found;
        }
    }

    private Dictionary<string, object?>? FindLocked(long id)
    {
        if (_overlay.TryGetValue(id, out var changed))
        {
            return changed;
        }

        return id >= 1 && id <= generatedCount ? generate(id) : null;
    }
}
