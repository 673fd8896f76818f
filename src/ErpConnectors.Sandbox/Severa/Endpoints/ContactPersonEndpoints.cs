using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Paging;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>
/// Contact persons, row paged (unchanged from v0.2): /contactpersons (changedSince, active, textToSearch),
/// /customers/{guid}/contactpersons (active, textToSearch) and /contactpersons/{guid}. textToSearch matches
/// the name or a communication method (phone, e-mail), as the vendor's search table says.
/// </summary>
internal static class ContactPersonEndpoints
{
    private static readonly string[] ListParameters = ["changedSince", "active", "textToSearch"];
    private static readonly string[] CustomerListParameters = ["active", "textToSearch"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Get("/contactpersons", SeveraScopes.CustomersRead, context => List(context, severa));
        routes.Get("/contactpersons/{guid}", SeveraScopes.CustomersRead, context => One(context, severa));
        routes.Get("/customers/{customerGuid}/contactpersons", SeveraScopes.CustomersRead, context => OfCustomer(context, severa));
    }

    private static IResult List(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Row, severa.LimitedRowLimit, ListParameters);
        var rows = severa.Data.Rows;
        var lower = query.ChangedSince is { } since ? rows.ContactTimes.FirstAtOrAfter(since) : 0;
        var active = query.Bool("active");
        var text = query.Single("textToSearch");
        if (active is null && text is null)
        {
            // Unfiltered: the page is an index range, whatever the firstRow.
            var first = Math.Min(rows.ContactCount, lower + query.FirstRow);
            var last = Math.Min(rows.ContactCount, first + query.RowCount);
            return SeveraJson.Ok(Range(first, last).Select(rows.ContactPerson).ToList());
        }

        var matching = Range(lower, rows.ContactCount)
            .Where(c => (active is null || rows.ContactIsActive(c) == active) && (text is null || rows.ContactMatchesText(c, text)));
        return Pager.RowPage(query, matching.Select(rows.ContactPerson));
    }

    private static IResult OfCustomer(HttpContext context, SeveraSandbox severa)
    {
        var guid = RouteValues.Guid(context, "customerGuid");
        var query = SeveraQuery.Parse(context, PagingStyle.Row, severa.LimitedRowLimit, CustomerListParameters);
        var rows = severa.Data.Rows;
        var customer = rows.IndexOfCustomer(guid);
        if (customer < 0)
        {
            throw SeveraErrors.NotFound("Customer", guid, "customerGuid");
        }

        var active = query.Bool("active");
        var text = query.Single("textToSearch");
        var matching = Range(customer * 2, (customer * 2) + 2)
            .Where(c => (active is null || rows.ContactIsActive(c) == active) && (text is null || rows.ContactMatchesText(c, text)));
        return Pager.RowPage(query, matching.Select(rows.ContactPerson));
    }

    private static IResult One(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var index = severa.Data.Rows.IndexOfContact(guid);
        return index < 0 ? throw SeveraErrors.NotFound("Contact person", guid) : SeveraJson.Ok(severa.Data.Rows.ContactPerson(index));
    }

    private static IEnumerable<long> Range(long from, long to)
    {
        for (var i = from; i < to; i++)
        {
            yield return i;
        }
    }
}
