namespace ErpConnectors.Sandbox.Jiwa.AutoQuery;

/// <summary>
/// One implicit filter: a column, an operator and the parsed value(s). As in SQL, a null column value matches
/// no filter (not even NotEqualTo).
/// </summary>
internal sealed class ColumnFilter<TRow>(Column<TRow> column, FilterOperator op, IReadOnlyList<object?> values)
{
    public bool Matches(TRow row)
    {
        var value = column.Read(row);
        if (value is null)
        {
            return false;
        }

        var operand = values[0];
        return op switch
        {
            FilterOperator.Equal => FieldValues.Compare(value, operand) == 0,
            FilterOperator.NotEqual => FieldValues.Compare(value, operand) != 0,
            FilterOperator.GreaterThan => FieldValues.Compare(value, operand) > 0,
            FilterOperator.GreaterThanOrEqual => FieldValues.Compare(value, operand) >= 0,
            FilterOperator.LessThan => FieldValues.Compare(value, operand) < 0,
            FilterOperator.LessThanOrEqual => FieldValues.Compare(value, operand) <= 0,
            FilterOperator.StartsWith => ((string)value).StartsWith((string)operand!, StringComparison.OrdinalIgnoreCase),
            FilterOperator.EndsWith => ((string)value).EndsWith((string)operand!, StringComparison.OrdinalIgnoreCase),
            FilterOperator.Contains => ((string)value).Contains((string)operand!, StringComparison.OrdinalIgnoreCase),
            FilterOperator.In => values.Any(v => FieldValues.Compare(value, v) == 0),
            _ => false,
        };
    }
}
