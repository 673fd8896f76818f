using System.Reflection;

namespace ErpConnectors.Sandbox.Jiwa.AutoQuery;

/// <summary>One column of a query list: its wire name, the type its filter values are parsed as, and how to read it.</summary>
/// <param name="ValueType">string, bool, int, decimal or DateTime (a nullable column has its underlying type here).</param>
internal sealed record Column<TRow>(string Name, Type ValueType, Func<TRow, object?> Read);

/// <summary>The columns of one query list, in wire order; names match case-insensitively, as ServiceStack binds them.</summary>
internal sealed class ColumnSet<TRow>
{
    private static readonly Type[] ScalarTypes = [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(decimal), typeof(DateTime)];

    private readonly Dictionary<string, Column<TRow>> _byName;

    public ColumnSet(IEnumerable<Column<TRow>> columns)
    {
        All = [.. columns];
        _byName = All.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<Column<TRow>> All { get; }

    public Column<TRow>? Find(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>
    /// The record's scalar properties in declaration order (which is also their JSON order): a list row is the
    /// record without its nested collections.
    /// </summary>
    public static ColumnSet<TRow> FromScalarProperties() => new(
        from property in typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        let type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType
        where ScalarTypes.Contains(type)
        select new Column<TRow>(property.Name, type, row => property.GetValue(row)));

    /// <summary>A row as the list answers it: the chosen columns, in wire order.</summary>
    public static OrderedDictionary<string, object?> Project(TRow row, IReadOnlyList<Column<TRow>> columns)
    {
        var result = new OrderedDictionary<string, object?>(columns.Count);
        foreach (var column in columns)
        {
            result.Add(column.Name, column.Read(row));
        }

        return result;
    }
}
