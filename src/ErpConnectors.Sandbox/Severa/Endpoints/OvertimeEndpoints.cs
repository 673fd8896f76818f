using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Paging;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>
/// GET /overtimes (row paged, a settings list: active, textToSearch on the name) and /overtimes/{guid}: the
/// overtime definitions a work hour's overtime refers to.
/// </summary>
internal static class OvertimeEndpoints
{
    private static readonly string[] ListParameters = ["active", "textToSearch", "calculateRowCount"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Get("/overtimes", SeveraScopes.SettingsRead, context => List(context, severa));
        routes.Get("/overtimes/{guid}", SeveraScopes.SettingsRead, context => One(context, severa));
    }

    private static IResult List(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Row, severa.GuideRowLimit, ListParameters);
        var active = query.Bool("active");
        var text = query.Single("textToSearch");
        return Pager.RowPage(query, severa.Data.Overtimes.Where(o =>
            (active is null || o.IsActive == active) && (text is null || o.Name.Contains(text, StringComparison.OrdinalIgnoreCase))));
    }

    private static IResult One(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var index = severa.Data.OvertimeIndex(guid);
        return index < 0 ? throw SeveraErrors.NotFound("Overtime", guid) : SeveraJson.Ok(severa.Data.Overtimes[index]);
    }
}
