namespace ErpConnectors.Sandbox.Jiwa.AutoQuery;

/// <summary>The implicit AutoQuery conventions the sandbox understands: a query parameter {Field}{Suffix}.</summary>
internal enum FilterOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    StartsWith,
    EndsWith,
    Contains,
    In,
}

internal static class FilterOperators
{
    /// <summary>Suffix → operator, longest first, so GreaterThanOrEqualTo is not read as GreaterThan.</summary>
    public static readonly IReadOnlyList<(string Suffix, FilterOperator Operator)> Suffixes =
    [
        ("GreaterThanOrEqualTo", FilterOperator.GreaterThanOrEqual),
        ("LessThanOrEqualTo", FilterOperator.LessThanOrEqual),
        ("GreaterThan", FilterOperator.GreaterThan),
        ("NotEqualTo", FilterOperator.NotEqual),
        ("StartsWith", FilterOperator.StartsWith),
        ("LessThan", FilterOperator.LessThan),
        ("EndsWith", FilterOperator.EndsWith),
        ("Contains", FilterOperator.Contains),
        ("In", FilterOperator.In),
    ];

    /// <summary>Text matching (StartsWith, EndsWith, Contains) applies to string columns only.</summary>
    public static bool IsTextOnly(FilterOperator op) => op is FilterOperator.StartsWith or FilterOperator.EndsWith or FilterOperator.Contains;
}
