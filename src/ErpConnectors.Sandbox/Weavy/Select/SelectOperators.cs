using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Weavy.Select;

/// <summary>
/// The filter operators of a Select (chosen set; GreaterThan and LessThan are confirmed by a public
/// integration): every shared comparison but EndsWith, under its own name. Names match ignoring case, as
/// ASP.NET binds an enum from a string.
/// </summary>
internal static class SelectOperators
{
    public static readonly IReadOnlyList<ComparisonOperator> All =
    [
        ComparisonOperator.Equal,
        ComparisonOperator.NotEqual,
        ComparisonOperator.GreaterThan,
        ComparisonOperator.GreaterThanOrEqual,
        ComparisonOperator.LessThan,
        ComparisonOperator.LessThanOrEqual,
        ComparisonOperator.Contains,
        ComparisonOperator.StartsWith,
        ComparisonOperator.In,
    ];

    public static IEnumerable<string> Names => All.Select(o => o.ToString());

    public static ComparisonOperator? Find(string name) =>
        All.Cast<ComparisonOperator?>().FirstOrDefault(o => string.Equals(o.ToString(), name, StringComparison.OrdinalIgnoreCase));
}
