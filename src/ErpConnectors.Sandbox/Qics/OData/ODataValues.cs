namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// How values compare in $filter and $orderby. Strings compare case-insensitively (chosen: the vendor's
/// server sits on SQL Server, whose default collation ignores case, so Name eq 'acme' finds 'ACME');
/// numbers compare by value whatever their type; timestamps by instant, whatever their offsets.
/// </summary>
internal static class ODataValues
{
    public static readonly StringComparer Strings = StringComparer.OrdinalIgnoreCase;

    /// <summary>eq: two nulls are equal, null and a value are not.</summary>
    public static bool AreEqual(object? left, object? right) =>
        left is null || right is null ? left is null && right is null : Compare(left, right) == 0;

    /// <summary>Order of two non-null values of comparable types.</summary>
    public static int Compare(object left, object right) => (left, right) switch
    {
        (string a, string b) => Strings.Compare(a, b),
        (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        _ => ToDecimal(left).CompareTo(ToDecimal(right)),
    };

    /// <summary>Order for $orderby: nulls first ascending (SQL Server's order, chosen).</summary>
    public static int CompareNullsFirst(object? left, object? right) =>
        left is null ? (right is null ? 0 : -1) : right is null ? 1 : Compare(left, right);

    private static decimal ToDecimal(object value) => value switch
    {
        long l => l,
        decimal d => d,
        _ => throw new InvalidOperationException($"A {value.GetType().Name} is not a number."),
    };
}
