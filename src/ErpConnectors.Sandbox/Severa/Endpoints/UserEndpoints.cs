using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Paging;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>GET /users (token paging: changedSince, isActive, businessUnitGuids) and /users/{guid}.</summary>
internal static class UserEndpoints
{
    private static readonly string[] ListParameters = ["changedSince", "isActive", "businessUnitGuids"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Get("/users", SeveraScopes.UsersRead, context => List(context, severa));
        routes.Get("/users/{guid}", SeveraScopes.UsersRead, context => One(context, severa));
    }

    private static IResult List(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.GuideRowLimit, ListParameters);
        var since = query.ChangedSince;
        var isActive = query.Bool("isActive");
        var units = query.Guids("businessUnitGuids").ToHashSet();
        return Pager.TokenPage(context, severa, query, "users", severa.Data.Users, user =>
            (since is null || user.LastUpdatedDateTime >= since)
            && (isActive is null || user.IsActive == isActive)
            && (units.Count == 0 || units.Contains(user.BusinessUnit.Guid)));
    }

    private static IResult One(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var index = severa.Data.UserIndex(guid);
        return index < 0 ? throw SeveraErrors.NotFound("User", guid) : SeveraJson.Ok(severa.Data.Users[index]);
    }
}
