namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// How the vendors' SQL Server databases compare values, which every emulated filter and sort follows: text
/// ignoring case (the default collation), null first in ascending order, and a null value matching no
/// comparison (not even NotEqual).
/// </summary>
internal static class SqlComparison
{
    public static int Compare(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        if (left is string a && right is string b)
        {
            return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
        }

        return Comparer<object>.Default.Compare(left, right);
    }

    /// <summary>Whether a value passes the comparison with the operand(s): one operand, or several for In.</summary>
    public static bool Matches(ComparisonOperator op, object? value, IReadOnlyList<object?> operands)
    {
        if (value is null)
        {
            return false;
        }

        var operand = operands[0];
        return op switch
        {
            ComparisonOperator.Equal => Compare(value, operand) == 0,
            ComparisonOperator.NotEqual => Compare(value, operand) != 0,
            ComparisonOperator.GreaterThan => Compare(value, operand) > 0,
            ComparisonOperator.GreaterThanOrEqual => Compare(value, operand) >= 0,
            ComparisonOperator.LessThan => Compare(value, operand) < 0,
            ComparisonOperator.LessThanOrEqual => Compare(value, operand) <= 0,
            ComparisonOperator.StartsWith => ((string)value).StartsWith((string)operand!, StringComparison.OrdinalIgnoreCase),
            ComparisonOperator.EndsWith => ((string)value).EndsWith((string)operand!, StringComparison.OrdinalIgnoreCase),
            ComparisonOperator.Contains => ((string)value).Contains((string)operand!, StringComparison.OrdinalIgnoreCase),
            ComparisonOperator.In => operands.Any(v => Compare(value, v) == 0),
            _ => false,
        };
    }
}
