namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// One entity as property name → value (bool, long, decimal, string, DateTimeOffset or null). Immutable:
/// a write builds a new row, so a list handed to a query never changes under it.
/// </summary>
internal sealed class Row
{
    private readonly Dictionary<string, object?> _values;

    public Row(IEnumerable<KeyValuePair<string, object?>> values)
    {
        _values = new Dictionary<string, object?>(values, StringComparer.Ordinal);
    }

    public object? this[string name] => _values.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, object?> Values => _values;

    public long Key(EntitySchema schema) => (long)_values[schema.Key.Name]!;

    public Row With(string name, object? value)
    {
        var copy = new Dictionary<string, object?>(_values, StringComparer.Ordinal) { [name] = value };
        return new Row(copy);
    }
}
