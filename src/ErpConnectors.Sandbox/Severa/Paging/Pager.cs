using ErpConnectors.Sandbox.Severa.Http;

namespace ErpConnectors.Sandbox.Severa.Paging;

/// <summary>
/// Turns a list into one page. Token paging walks positions in list order from where the pageToken points,
/// takes rowCount rows and peeks at one more: NextPageToken is sent only when that one exists, so a full
/// last page carries no token. Positions are ranks in list order, never offsets into a filtered result, so a
/// write between two pages neither repeats nor skips a row.
/// </summary>
internal static class Pager
{
    /// <summary>
    /// Token paging over computed rows: <paramref name="positionsFrom"/> yields the matching positions at or after
    /// a start, in increasing order (cheap: no row is built), <paramref name="rowAt"/> builds a row.
    /// </summary>
    public static IResult TokenPage<T>(
        HttpContext context,
        SeveraSandbox severa,
        SeveraQuery query,
        string route,
        Func<long, IEnumerable<long>> positionsFrom,
        Func<long, T> rowAt)
    {
        var start = query.PageStart(severa.PageTokens, route);
        var page = new List<T>();
        foreach (var position in positionsFrom(start))
        {
            if (page.Count == query.RowCount)
            {
                context.Response.Headers["NextPageToken"] = query.NextPageToken(severa.PageTokens, route, position);
                break;
            }

            page.Add(rowAt(position));
        }

        return SeveraJson.Ok(page);
    }

    /// <summary>Token paging over stored rows: <paramref name="scan"/> returns up to n matching (position, row) from a start.</summary>
    public static IResult TokenPage<T>(
        HttpContext context,
        SeveraSandbox severa,
        SeveraQuery query,
        string route,
        Func<long, int, List<(long Position, T Row)>> scan)
    {
        var start = query.PageStart(severa.PageTokens, route);
        var found = scan(start, query.RowCount + 1);
        if (found.Count > query.RowCount)
        {
            context.Response.Headers["NextPageToken"] = query.NextPageToken(severa.PageTokens, route, found[query.RowCount].Position);
        }

        return SeveraJson.Ok(found.Take(query.RowCount).Select(f => f.Row).ToList());
    }

    /// <summary>Token paging over a small in-memory list, filtered.</summary>
    public static IResult TokenPage<T>(HttpContext context, SeveraSandbox severa, SeveraQuery query, string route, IReadOnlyList<T> rows, Func<T, bool> filter) =>
        TokenPage(context, severa, query, route, start => Positions(rows, filter, start), position => rows[(int)position]);

    /// <summary>Row paging: firstRow rows skipped, rowCount taken; a short page is the last.</summary>
    public static IResult RowPage<T>(SeveraQuery query, IEnumerable<T> rows)
    {
        var page = new List<T>();
        var skipped = 0L;
        foreach (var row in rows)
        {
            if (skipped < query.FirstRow)
            {
                skipped++;
                continue;
            }

            page.Add(row);
            if (page.Count == query.RowCount)
            {
                break;
            }
        }

        return SeveraJson.Ok(page);
    }

    private static IEnumerable<long> Positions<T>(IReadOnlyList<T> rows, Func<T, bool> filter, long start)
    {
        for (var i = start; i < rows.Count; i++)
        {
            if (filter(rows[(int)i]))
            {
                yield return i;
            }
        }
    }
}
