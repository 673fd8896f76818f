using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Data;

/// <summary>
/// The project's data: one table per entity of the dictionary, behind one lock, so a multi-record write
/// (a dataset, a bulk import) is checked and applied as one transaction.
/// </summary>
internal sealed class WeavyDatabase
{
    private readonly Dictionary<string, WeavyTable> _tables;

    public WeavyDatabase(TimeProvider time)
    {
        Time = time;
        _tables = WeavyDictionary.Entities.ToDictionary(e => e.Name, e => new WeavyTable(e), StringComparer.Ordinal);
    }

    public Lock Gate { get; } = new();

    public TimeProvider Time { get; }

    public WeavyTable Table(EntityDefinition entity) => _tables[entity.Name];

    /// <summary>The visible records of an entity (logically deleted ones left out), in code order, as of now.</summary>
    public IReadOnlyList<WeavyRecord> Visible(EntityDefinition entity)
    {
        lock (Gate)
        {
            return [.. Table(entity).Records.Where(r => !r.Deleted)];
        }
    }

    /// <summary>A visible record, or null.</summary>
    public WeavyRecord? FindVisible(EntityDefinition entity, string code)
    {
        lock (Gate)
        {
            return Table(entity).Find(code) is { Deleted: false } record ? record : null;
        }
    }

    /// <summary>
    /// The stamp a write gives a record now: the time in whole seconds (the wire's precision), moved one second
    /// past the record's previous stamp when the clock has not passed it yet (chosen, so every write changes
    /// srvDateUTC and export validation always sees a change, even two writes within one second).
    /// </summary>
    public static DateTime Stamp(DateTime now, DateTime? previous)
    {
        var stamp = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);
        return previous is { } before && stamp <= before ? before.AddSeconds(1) : stamp;
    }

    /// <summary>The clock's UTC time, as srvDateUTC holds it.</summary>
    public DateTime UtcNow() => DateTime.SpecifyKind(Time.GetUtcNow().UtcDateTime, DateTimeKind.Unspecified);
}
