using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Jiwa.AutoQuery;

/// <summary>
/// One implicit filter: a column, an operator and the parsed value(s). As in SQL, a null column value matches
/// no filter (not even NotEqualTo).
/// </summary>
internal sealed class ColumnFilter<TRow>(Column<TRow> column, ComparisonOperator op, IReadOnlyList<object?> values)
{
    public bool Matches(TRow row) => SqlComparison.Matches(op, column.Read(row), values);
}
