using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Select;

/// <summary>One entry of sortFields: {"fieldName","direction":"ASC|DESC"} (shape chosen).</summary>
internal sealed record SortField(FieldDefinition Field, bool Descending)
{
    /// <summary>
    /// Orders by the sort fields, then by code (chosen: ties broken by the key, so offset paging is stable);
    /// nulls first ascending and last descending, as SQL Server sorts.
    /// </summary>
    public static IComparer<WeavyRecord> Comparer(IReadOnlyList<SortField> sort) => Comparer<WeavyRecord>.Create((a, b) =>
    {
        foreach (var field in sort)
        {
            var order = SqlComparison.Compare(a[field.Field.Name], b[field.Field.Name]);
            if (order != 0)
            {
                return field.Descending ? -order : order;
            }
        }

        return string.Compare(a.Code, b.Code, StringComparison.OrdinalIgnoreCase);
    });
}
