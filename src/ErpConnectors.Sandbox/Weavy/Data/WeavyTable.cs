using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Data;

/// <summary>
/// The records of one entity by code, in code order (the default order of a Select). Codes match ignoring
/// case (chosen: SQL Server's default collation, so "c000001" is the record "C000001" and cannot be created
/// beside it). Not thread-safe: every caller holds <see cref="WeavyDatabase.Gate"/>.
/// </summary>
internal sealed class WeavyTable(EntityDefinition entity)
{
    private readonly SortedDictionary<string, WeavyRecord> _records = new(StringComparer.OrdinalIgnoreCase);

    public EntityDefinition Entity => entity;

    /// <summary>Every record, logically deleted ones included, in code order.</summary>
    public IEnumerable<WeavyRecord> Records => _records.Values;

    public WeavyRecord? Find(string code) => _records.GetValueOrDefault(code);

    public void Put(WeavyRecord record) => _records[record.Code] = record;

    public bool Remove(string code) => _records.Remove(code);
}
