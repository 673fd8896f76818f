using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Paging;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>
/// GET /customers (token paging) and /customers/{guid}. Parameters as v1.0 has them: isActive, isInternal,
/// numbers, customerOwnerGuids, changedSince, and customerNames / emailAddresses (exact matches, from the
/// vendor's OpenAPI). textToSearch was removed from this endpoint in v1.0. Sortings by name, number or
/// lastUpdatedDateTime (all three are the list order here, so a sort is a direction).
/// </summary>
internal static class CustomerEndpoints
{
    private static readonly string[] ListParameters =
        ["changedSince", "isActive", "isInternal", "numbers", "customerOwnerGuids", "customerNames", "emailAddresses"];

    private static readonly string[] SortableKeys = ["name", "number", "lastUpdatedDateTime"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Get("/customers", SeveraScopes.CustomersRead, context => List(context, severa));
        routes.Get("/customers/{guid}", SeveraScopes.CustomersRead, context => One(context, severa));
    }

    private static IResult List(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.GuideRowLimit, ListParameters, sortable: true);
        var rows = severa.Data.Rows;
        var count = rows.Count;
        var sortings = query.Sortings(SortableKeys);
        var descending = sortings.Count > 0 && sortings[0].Descending;
        var lower = query.ChangedSince is { } since ? rows.CustomerTimes.FirstAtOrAfter(since) : 0;
        var isActive = query.Bool("isActive");
        var isInternal = query.Bool("isInternal");
        var owners = query.Guids("customerOwnerGuids").Select(severa.Data.UserIndex).ToHashSet();
        var exact = ExactCandidates(query, rows);

        bool Matches(long index) =>
            index >= lower
            && (isActive is null || rows.CustomerIsActive(index) == isActive)
            && (isInternal is null || rows.CustomerIsInternal(index) == isInternal)
            && (owners.Count == 0 || owners.Contains(rows.CustomerOwnerUserIndex(index)));

        // Positions are ranks in list order: the index ascending, or counted from the end when descending.
        // The mapping is its own inverse, so it also turns an index into its rank.
        long IndexAt(long rank) => descending ? count - 1 - rank : rank;

        IEnumerable<long> Ranks(long start)
        {
            if (exact is not null)
            {
                foreach (var rank in exact.Select(IndexAt).Order())
                {
                    if (rank >= start && Matches(IndexAt(rank)))
                    {
                        yield return rank;
                    }
                }

                yield break;
            }

            var end = descending ? count - lower : count;
            for (var rank = descending ? start : Math.Max(start, lower); rank < end; rank++)
            {
                if (Matches(IndexAt(rank)))
                {
                    yield return rank;
                }
            }
        }

        return Pager.TokenPage(context, severa, query, "customers", Ranks, rank => rows.Customer(IndexAt(rank)));
    }

    /// <summary>
    /// The customers that numbers, customerNames and emailAddresses name (each list is "any of", the lists
    /// together "all of"), found by arithmetic instead of a scan; null when none of them was given.
    /// </summary>
    private static HashSet<long>? ExactCandidates(SeveraQuery query, Data.CustomerRows rows)
    {
        HashSet<long>? result = null;

        void Intersect(IEnumerable<long> indexes)
        {
            var set = indexes.Where(i => i >= 0).ToHashSet();
            if (result is null)
            {
                result = set;
            }
            else
            {
                result.IntersectWith(set);
            }
        }

        if (query.Longs("numbers") is { Count: > 0 } numbers)
        {
            Intersect(numbers.Select(rows.IndexOfNumber));
        }

        if (query.Strings("customerNames") is { Count: > 0 } names)
        {
            Intersect(names.Select(rows.IndexOfName));
        }

        if (query.Strings("emailAddresses") is { Count: > 0 } emails)
        {
            Intersect(emails.Select(rows.IndexOfEmail));
        }

        return result;
    }

    private static IResult One(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var index = severa.Data.Rows.IndexOfCustomer(guid);
        return index < 0 ? throw SeveraErrors.NotFound("Customer", guid) : SeveraJson.Ok(severa.Data.Rows.Customer(index));
    }
}
