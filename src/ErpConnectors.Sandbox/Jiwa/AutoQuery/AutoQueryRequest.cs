using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Jiwa.Auth;
using ErpConnectors.Sandbox.Jiwa.Http;

namespace ErpConnectors.Sandbox.Jiwa.AutoQuery;

/// <summary>
/// One AutoQuery request read from the query string: paging (Skip, Take), ordering (OrderBy with "-Field" for
/// descending, OrderByDesc), Include=Total, Fields, and implicit filters {Field}{Suffix}. Names match
/// case-insensitively; an empty value counts as absent.
/// <para>
/// Chosen strictness: ServiceStack ignores a query parameter its request DTO does not have; the sandbox answers
/// 400 ArgumentException naming it, and 400 for an unknown column in OrderBy/Fields or an Include other than
/// Total, so a client's misspelt filter shows instead of silently returning everything.
/// </para>
/// </summary>
internal sealed class AutoQueryRequest<TRow>
{
    private const string BetweenSuffix = "Between";

    private static readonly string[] Reserved = ["Skip", "Take", "OrderBy", "OrderByDesc", "Include", "Fields", "format", JiwaAuthentication.ApiKeyParameter];

    private AutoQueryRequest()
    {
    }

    public int Skip { get; private init; }

    public int? Take { get; private init; }

    public bool IncludeTotal { get; private init; }

    /// <summary>The columns to answer with (all when Fields is absent), in wire order.</summary>
    public required IReadOnlyList<Column<TRow>> Fields { get; init; }

    public required IReadOnlyList<(Column<TRow> Column, bool Descending)> Order { get; init; }

    public required IReadOnlyList<ColumnFilter<TRow>> Filters { get; init; }

    public static AutoQueryRequest<TRow> Parse(IQueryCollection query, string listName, ColumnSet<TRow> columns)
    {
        string? Single(string name)
        {
            var key = query.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
            var present = key is null ? [] : query[key].Where(v => !string.IsNullOrEmpty(v)).ToList();
            return present.Count switch
            {
                0 => null,
                1 => present[0],
                _ => throw JiwaErrors.Argument(key!, $"'{key}' is given more than once"),
            };
        }

        var filters = new List<ColumnFilter<TRow>>();
        foreach (var (key, values) in query)
        {
            if (Reserved.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            // {Field}Between=low,high: declared on every query DTO of the vendor's service model for numbers and dates.
            if (key.Length > BetweenSuffix.Length && key.EndsWith(BetweenSuffix, StringComparison.OrdinalIgnoreCase) && columns.Find(key[..^BetweenSuffix.Length]) is { } range)
            {
                var bounds = string.Join(',', values.Where(v => !string.IsNullOrEmpty(v))).Split(',', StringSplitOptions.TrimEntries);
                if (bounds.Length != 2)
                {
                    throw JiwaErrors.Argument(key, $"'{key}' takes two values, low and high: {key}=1,10");
                }

                filters.Add(new ColumnFilter<TRow>(range, ComparisonOperator.GreaterThanOrEqual, [ParseValue(listName, key, range, bounds[0])]));
                filters.Add(new ColumnFilter<TRow>(range, ComparisonOperator.LessThanOrEqual, [ParseValue(listName, key, range, bounds[1])]));
                continue;
            }

            var (column, op) = ResolveFilter(key, listName, columns);
            var text = op == ComparisonOperator.In
                ? string.Join(',', values.Where(v => !string.IsNullOrEmpty(v)))
                : Single(key);
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var parts = op == ComparisonOperator.In ? text.Split(',', StringSplitOptions.TrimEntries) : [text];
            filters.Add(new ColumnFilter<TRow>(column, op, [.. parts.Select(p => ParseValue(listName, key, column, p))]));
        }

        var order = new List<(Column<TRow>, bool)>();
        foreach (var entry in Names(Single("OrderBy")))
        {
            var descending = entry.StartsWith('-');
            order.Add((Known(columns, "OrderBy", entry.TrimStart('-'), listName), descending));
        }

        order.AddRange(Names(Single("OrderByDesc")).Select(name => (Known(columns, "OrderByDesc", name, listName), true)));

        var include = Names(Single("Include")).ToList();
        if (include.FirstOrDefault(i => !string.Equals(i, "Total", StringComparison.OrdinalIgnoreCase)) is { } unknownInclude)
        {
            throw JiwaErrors.Argument("Include", $"Include={unknownInclude} is not supported: the sandbox knows Include=Total only");
        }

        var fields = Names(Single("Fields")).Select(name => Known(columns, "Fields", name, listName)).ToHashSet();
        return new AutoQueryRequest<TRow>
        {
            Skip = Count(listName, "Skip", Single("Skip")) ?? 0,
            Take = Count(listName, "Take", Single("Take")),
            IncludeTotal = include.Count > 0,
            Fields = fields.Count == 0 ? columns.All : [.. columns.All.Where(fields.Contains)],
            Order = order,
            Filters = filters,
        };
    }

    /// <summary>{Field} is equality; otherwise the longest operator suffix after a known field.</summary>
    private static (Column<TRow> Column, ComparisonOperator Operator) ResolveFilter(string key, string listName, ColumnSet<TRow> columns)
    {
        if (columns.Find(key) is { } exact)
        {
            return (exact, ComparisonOperator.Equal);
        }

        foreach (var (suffix, op) in FilterOperators.Suffixes)
        {
            if (key.Length > suffix.Length
                && key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && columns.Find(key[..^suffix.Length]) is { } column)
            {
                if (FilterOperators.IsTextOnly(op) && column.ValueType != typeof(string))
                {
                    throw JiwaErrors.Argument(key, $"'{key}': {suffix} applies to text fields only, and {column.Name} is not one");
                }

                return (column, op);
            }
        }

        throw JiwaErrors.Argument(
            key,
            $"'{key}' is not a field of {listName} or a filter on one. Fields: {string.Join(", ", columns.All.Select(c => c.Name))}. " +
            $"Filters: {{Field}}, {{Field}}{string.Join(", {Field}", FilterOperators.Suffixes.Select(s => s.Suffix).Append(BetweenSuffix).Order(StringComparer.Ordinal))}. " +
            "Also: Skip, Take, OrderBy, OrderByDesc, Include=Total, Fields.");
    }

    private static Column<TRow> Known(ColumnSet<TRow> columns, string parameter, string name, string listName) =>
        columns.Find(name) ?? throw JiwaErrors.Argument(parameter, $"{parameter}: '{name}' is not a field of {listName}");

    private static object? ParseValue(string listName, string key, Column<TRow> column, string text) =>
        FieldValues.TryParse(column.ValueType, text, out var value)
            ? value
            : throw JiwaErrors.Binding(listName, [JiwaErrors.BadValue(key, text, FieldValues.Expected(column.ValueType) + " is expected")]);

    private static int? Count(string listName, string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw JiwaErrors.Binding(listName, [JiwaErrors.BadValue(name, text, "a whole number from 0 is expected")]);
    }

    private static IEnumerable<string> Names(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
