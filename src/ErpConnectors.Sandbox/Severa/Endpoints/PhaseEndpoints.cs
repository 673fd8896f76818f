using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Paging;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>
/// GET /phases (token paging; changedSince, projectGuids), /phases/{guid}, and /phases/{guid}/worktypes
/// (token paging, no filters: v1.0 removed active and textToSearch there).
/// </summary>
internal static class PhaseEndpoints
{
    private static readonly string[] ListParameters = ["changedSince", "projectGuids"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Get("/phases", SeveraScopes.ProjectsRead, context => List(context, severa));
        routes.Get("/phases/{guid}", SeveraScopes.ProjectsRead, context => One(context, severa));
        routes.Get("/phases/{phaseGuid}/worktypes", SeveraScopes.ProjectsRead, context => WorkTypes(context, severa));
    }

    private static IResult List(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.LimitedRowLimit, ListParameters);
        var since = query.ChangedSince;
        var projects = query.Guids("projectGuids").ToHashSet();
        return Pager.TokenPage(context, severa, query, "phases", severa.Data.Phases, phase =>
            (since is null || phase.LastUpdatedDateTime >= since)
            && (projects.Count == 0 || projects.Contains(phase.Project.Guid)));
    }

    private static IResult One(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var index = severa.Data.PhaseIndex(guid);
        return index < 0 ? throw SeveraErrors.NotFound("Phase", guid) : SeveraJson.Ok(severa.Data.Phases[index]);
    }

    private static IResult WorkTypes(HttpContext context, SeveraSandbox severa)
    {
        var guid = RouteValues.Guid(context, "phaseGuid");
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.GuideRowLimit, ["userGuid"]);
        if (severa.Data.PhaseIndex(guid) < 0)
        {
            throw SeveraErrors.NotFound("Phase", guid, "phaseGuid");
        }

        // userGuid (the OpenAPI's: whose work types; default the API user) must name a user; every user here gets the phase's.
        if (query.Guids("userGuid") is [var user] && severa.Data.UserIndex(user) < 0)
        {
            throw SeveraErrors.NotFound("User", user, "userGuid");
        }

        return Pager.TokenPage(context, severa, query, $"phases/{guid:D}/worktypes", severa.Data.WorkTypesOfPhase(guid), _ => true);
    }
}
