using ErpConnectors.Sandbox.Severa.Http;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

internal static class RouteValues
{
    /// <summary>A guid route value; malformed → 400 InvalidParameter located at the route parameter.</summary>
    public static Guid Guid(HttpContext context, string name = "guid") =>
        SeveraErrors.ParseRouteGuid(context.GetRouteValue(name) as string ?? string.Empty, name);

    /// <summary>Single-record routes take no query parameters.</summary>
    public static void NoQuery(HttpContext context, SeveraSandbox severa) =>
        SeveraQuery.Parse(context, PagingStyle.None, severa.GuideRowLimit, []);
}
