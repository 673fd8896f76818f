using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>Addresses, row paged (unchanged from v0.2): /addresses (changedSince) and /addresses/{guid}.</summary>
internal static class AddressEndpoints
{
    private static readonly string[] ListParameters = ["changedSince"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Get("/addresses", SeveraScopes.CustomersRead, context => List(context, severa));
        routes.Get("/addresses/{guid}", SeveraScopes.CustomersRead, context => One(context, severa));
    }

    private static IResult List(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Row, severa.LimitedRowLimit, ListParameters);
        var rows = severa.Data.Rows;
        var lower = query.ChangedSince is { } since ? rows.AddressTimes.FirstAtOrAfter(since) : 0;
        var first = Math.Min(rows.AddressCount, lower + query.FirstRow);
        var last = Math.Min(rows.AddressCount, first + query.RowCount);
        var page = new List<SeveraAddress>((int)(last - first));
        for (var a = first; a < last; a++)
        {
            page.Add(rows.Address(a));
        }

        return SeveraJson.Ok(page);
    }

    private static IResult One(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var index = severa.Data.Rows.IndexOfAddress(guid);
        return index < 0 ? throw SeveraErrors.NotFound("Address", guid) : SeveraJson.Ok(severa.Data.Rows.Address(index));
    }
}
