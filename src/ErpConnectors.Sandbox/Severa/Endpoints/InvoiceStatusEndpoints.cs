using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Paging;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>GET /invoicestatuses (row paged, a settings list; textToSearch on the name) and /invoicestatuses/{guid}.</summary>
internal static class InvoiceStatusEndpoints
{
    private static readonly string[] ListParameters = ["textToSearch"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Get("/invoicestatuses", SeveraScopes.SettingsRead, context => List(context, severa));
        routes.Get("/invoicestatuses/{guid}", SeveraScopes.SettingsRead, context => One(context, severa));
    }

    private static IResult List(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Row, severa.LimitedRowLimit, ListParameters);
        var text = query.Single("textToSearch");
        return Pager.RowPage(query, severa.Data.InvoiceStatuses.Where(s => text is null || s.Name.Contains(text, StringComparison.OrdinalIgnoreCase)));
    }

    private static IResult One(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var index = severa.Data.InvoiceStatusIndex(guid);
        return index < 0 ? throw SeveraErrors.NotFound("Invoice status", guid) : SeveraJson.Ok(severa.Data.InvoiceStatuses[index]);
    }
}
