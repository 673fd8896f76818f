using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Jiwa.AutoQuery;

/// <summary>A list GET /Queries/{Name} answers.</summary>
internal interface IQueryList
{
    string Name { get; }

    QueryResponse Execute(IQueryCollection query, int takeCap);
}

/// <summary>
/// The one AutoQuery engine, over any list of rows: filter, order, count, page, project. Rows are read fresh
/// from <paramref name="rows"/> on every request, so writes show at once. The order always ends with the
/// list's natural key, so pages are stable whatever else the caller orders by.
/// </summary>
internal sealed class QueryList<TRow>(string name, ColumnSet<TRow> columns, string naturalKey, Func<IReadOnlyList<TRow>> rows) : IQueryList
{
    private readonly Column<TRow> _key = columns.Find(naturalKey) ?? throw new ArgumentException($"{naturalKey} is not a column of {name}.", nameof(naturalKey));

    public string Name => name;

    /// <summary>
    /// Take is capped silently at <paramref name="takeCap"/> (ServiceStack's AutoQuery MaxLimit): Take=500 gives
    /// at most the cap, and no Take gives the cap.
    /// </summary>
    public QueryResponse Execute(IQueryCollection query, int takeCap)
    {
        var request = AutoQueryRequest<TRow>.Parse(query, name, columns);
        var matching = rows().Where(row => request.Filters.All(f => f.Matches(row))).ToList();

        IOrderedEnumerable<TRow>? ordered = null;
        foreach (var (column, descending) in request.Order.Append((_key, false)))
        {
            var comparer = Comparer<object?>.Create(SqlComparison.Compare);
            ordered = ordered is null
                ? (descending ? matching.OrderByDescending(column.Read, comparer) : matching.OrderBy(column.Read, comparer))
                : (descending ? ordered.ThenByDescending(column.Read, comparer) : ordered.ThenBy(column.Read, comparer));
        }

        var take = Math.Min(request.Take ?? takeCap, takeCap);
        var page = ordered!.Skip(request.Skip).Take(take).Select(row => ColumnSet<TRow>.Project(row, request.Fields)).ToList();
        return new QueryResponse(request.Skip, request.IncludeTotal ? matching.Count : 0, page, null);
    }
}
