using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Data;

/// <summary>
/// One stored record: every field of its entity (null where not set) and the logical-delete flag. Immutable:
/// a write stores a new record, so a page a Select is writing never changes under it.
/// </summary>
internal sealed class WeavyRecord
{
    private readonly Dictionary<string, object?> _values;

    public WeavyRecord(EntityDefinition entity, IEnumerable<KeyValuePair<string, object?>> values, bool deleted)
    {
        Entity = entity;
        _values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in entity.Fields)
        {
            _values[field.Name] = null;
        }

        foreach (var (name, value) in values)
        {
            _values[name] = value;
        }

        Deleted = deleted;
    }

    public EntityDefinition Entity { get; }

    /// <summary>The record's code: its "&lt;entity&gt;_ID".</summary>
    public string Code => (string)_values[Entity.KeyName]!;

    /// <summary>Logically deleted: hidden from Select and reads, still in the table.</summary>
    public bool Deleted { get; }

    public DateTime ServerDate => (DateTime)_values[FieldDefinition.ServerDate]!;

    public IReadOnlyDictionary<string, object?> Values => _values;

    public object? this[string field] => _values.GetValueOrDefault(field);

    public WeavyRecord With(IEnumerable<KeyValuePair<string, object?>> changes, bool deleted) =>
        new(Entity, _values.Concat(changes), deleted);

    public WeavyRecord With(string field, object? value) => With([KeyValuePair.Create(field, value)], Deleted);
}
