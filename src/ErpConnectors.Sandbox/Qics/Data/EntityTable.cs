using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>
/// The rows of one detail entity, by key, with an identity counter like a database table's. Not
/// thread-safe: every caller holds <see cref="QicsDatabase.Gate"/>, which also keeps cross-table rules
/// (a project's customer exists) consistent.
/// </summary>
internal sealed class EntityTable(EntitySchema schema)
{
    private readonly SortedDictionary<long, Row> _rows = [];
    private long _lastKey;

    public EntitySchema Schema => schema;

    public int Count => _rows.Count;

    public IEnumerable<Row> Rows => _rows.Values;

    public Row? Find(long key) => _rows.GetValueOrDefault(key);

    /// <summary>Stores the row under the next key (keys are never reused, even after a delete).</summary>
    public Row Insert(Row row)
    {
        var stored = row.With(schema.Key.Name, ++_lastKey);
        _rows[_lastKey] = stored;
        return stored;
    }

    public void Replace(Row row) => _rows[row.Key(schema)] = row;

    public bool Remove(long key) => _rows.Remove(key);
}
