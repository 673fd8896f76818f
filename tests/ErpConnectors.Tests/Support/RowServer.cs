using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Net;
using System.Text;
using System.Web;

namespace ErpConnectors.Tests.Support;

/// <summary>
/// A list endpoint for MockHttp: holds <c>total</c> rows ({"id":n}) and answers each page the way the chosen
/// paging style says, recording every request's query so tests can check what went on the wire.
/// </summary>
internal sealed class RowServer
{
    private readonly int _total;

    public RowServer(int total) => _total = total;

    public ConcurrentQueue<NameValueCollection> Queries { get; } = new();

    public IReadOnlyList<NameValueCollection> Requests => Queries.ToArray();

    public static NameValueCollection QueryOf(HttpRequestMessage request) => HttpUtility.ParseQueryString(request.RequestUri!.Query);

    public static string Rows(int from, int count) =>
        "[" + string.Join(",", Enumerable.Range(from, Math.Max(0, count)).Select(i => $"{{\"id\":{i},\"name\":\"row {i}\"}}")) + "]";

    /// <summary>Severa token paging: rowCount rows per page, NextPageToken header while rows remain.</summary>
    public HttpResponseMessage TokenPage(HttpRequestMessage request)
    {
        var query = QueryOf(request);
        Queries.Enqueue(query);
        int size = int.Parse(query["rowCount"] ?? "100", System.Globalization.CultureInfo.InvariantCulture);
        int from = query["pageToken"] is { } token ? int.Parse(token.AsSpan("cursor-".Length), System.Globalization.CultureInfo.InvariantCulture) : 0;
        int count = Math.Min(size, _total - from);
        HttpResponseMessage response = TestRuntime.Json(Rows(from, count));
        if (from + count < _total)
        {
            response.Headers.TryAddWithoutValidation("NextPageToken", $"cursor-{from + count}");
        }

        return response;
    }

    /// <summary>Severa row paging: firstRow/rowCount; the last page is short (or empty).</summary>
    public HttpResponseMessage RowPage(HttpRequestMessage request) => CappedRowPage(int.MaxValue)(request);

    /// <summary>Row paging by a server that cuts rowCount to <paramref name="cap"/> without saying so.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage> CappedRowPage(int cap) => request =>
    {
        var query = QueryOf(request);
        Queries.Enqueue(query);
        int size = Math.Min(cap, int.Parse(query["rowCount"] ?? "100", System.Globalization.CultureInfo.InvariantCulture));
        int from = int.Parse(query["firstRow"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        return TestRuntime.Json(Rows(from, Math.Min(size, _total - from)));
    };

    public HttpResponseMessage Whole(HttpRequestMessage request)
    {
        Queries.Enqueue(QueryOf(request));
        HttpResponseMessage response = TestRuntime.Json(Rows(0, _total));
        response.Headers.TryAddWithoutValidation("NextPageToken", "ignored-by-single-shot");
        return response;
    }

    /// <summary>
    /// ServiceStack AutoQuery: Skip/Take with Take capped silently at <paramref name="cap"/>; {"Offset","Total","Results"}
    /// with Total only when Include=Total is asked for.
    /// </summary>
    public Func<HttpRequestMessage, HttpResponseMessage> AutoQueryPage(int cap) => request =>
    {
        var query = QueryOf(request);
        Queries.Enqueue(query);
        int take = Math.Min(cap, int.Parse(query["Take"] ?? cap.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
        int skip = int.Parse(query["Skip"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        int total = string.Equals(query["Include"], "Total", StringComparison.OrdinalIgnoreCase) ? _total : 0;
        return TestRuntime.Json($"{{\"Offset\":{skip},\"Total\":{total},\"Results\":{Rows(skip, Math.Min(take, _total - skip))},\"ResponseStatus\":null}}");
    };
}
