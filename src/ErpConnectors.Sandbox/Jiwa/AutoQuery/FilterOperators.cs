using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Jiwa.AutoQuery;

/// <summary>The implicit AutoQuery conventions the sandbox understands: a query parameter {Field}{Suffix}.</summary>
internal static class FilterOperators
{
    /// <summary>Suffix → operator, longest first, so GreaterThanOrEqualTo is not read as GreaterThan.</summary>
    public static readonly IReadOnlyList<(string Suffix, ComparisonOperator Operator)> Suffixes =
    [
        ("GreaterThanOrEqualTo", ComparisonOperator.GreaterThanOrEqual),
        ("LessThanOrEqualTo", ComparisonOperator.LessThanOrEqual),
        ("GreaterThan", ComparisonOperator.GreaterThan),
        ("NotEqualTo", ComparisonOperator.NotEqual),
        ("StartsWith", ComparisonOperator.StartsWith),
        ("LessThan", ComparisonOperator.LessThan),
        ("EndsWith", ComparisonOperator.EndsWith),
        ("Contains", ComparisonOperator.Contains),
        ("In", ComparisonOperator.In),
    ];

    /// <summary>Text matching (StartsWith, EndsWith, Contains) applies to string columns only.</summary>
    public static bool IsTextOnly(ComparisonOperator op) => op is ComparisonOperator.StartsWith or ComparisonOperator.EndsWith or ComparisonOperator.Contains;
}
