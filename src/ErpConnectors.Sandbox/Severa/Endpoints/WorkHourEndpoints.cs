using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Paging;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>
/// Reading work hours, token paged, each list with the parameters the vendor gives it: /workhours
/// (changedSince, eventDateStart, eventDateEnd), /users/{guid}/workhours (startDate, endDate, phaseGuid,
/// workTypeGuid; those two keep their singular names in v1.0 but repeat), /projects/{guid}/workhours
/// (startDate, endDate, isBillable, isBilled), and /workhours/{guid}. Dates compare on eventDate, inclusive.
/// </summary>
internal static class WorkHourEndpoints
{
    private static readonly string[] ListParameters = ["changedSince", "eventDateStart", "eventDateEnd"];
    private static readonly string[] UserParameters = ["startDate", "endDate", "phaseGuid", "workTypeGuid"];
    private static readonly string[] ProjectParameters = ["startDate", "endDate", "isBillable", "isBilled"];
    private static readonly string[] DeletedParameters = ["deletedSince", "projectGuids", "userGuids"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Get("/workhours", SeveraScopes.HoursRead, context => List(context, severa));
        routes.Get("/workhours/{guid}", SeveraScopes.HoursRead, context => One(context, severa));
        routes.Get("/users/{userGuid}/workhours", SeveraScopes.HoursRead, context => OfUser(context, severa));
        routes.Get("/projects/{projectGuid}/workhours", SeveraScopes.HoursRead, context => OfProject(context, severa));
        routes.Get("/deletedworkhours", SeveraScopes.HoursRead, context => Deleted(context, severa));
        WorkHourWriteEndpoints.Map(routes, severa);
    }

    private static IResult List(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.LimitedRowLimit, ListParameters);
        var since = query.ChangedSince;
        var from = query.Date("eventDateStart");
        var to = query.Date("eventDateEnd");
        return Page(context, severa, query, "workhours", hour =>
            (since is null || hour.LastUpdatedDateTime >= since) && InDates(hour, from, to));
    }

    private static IResult OfUser(HttpContext context, SeveraSandbox severa)
    {
        var user = RouteValues.Guid(context, "userGuid");
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.LimitedRowLimit, UserParameters);
        if (severa.Data.UserIndex(user) < 0)
        {
            throw SeveraErrors.NotFound("User", user, "userGuid");
        }

        var from = query.Date("startDate");
        var to = query.Date("endDate");
        var phases = query.Guids("phaseGuid").ToHashSet();
        var workTypes = query.Guids("workTypeGuid").ToHashSet();
        return Page(context, severa, query, $"users/{user:D}/workhours", hour =>
            hour.User.Guid == user
            && InDates(hour, from, to)
            && (phases.Count == 0 || phases.Contains(hour.Phase.Guid))
            && (workTypes.Count == 0 || workTypes.Contains(hour.WorkType.Guid)));
    }

    private static IResult OfProject(HttpContext context, SeveraSandbox severa)
    {
        var project = RouteValues.Guid(context, "projectGuid");
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.LimitedRowLimit, ProjectParameters);
        if (severa.Data.ProjectIndex(project) < 0)
        {
            throw SeveraErrors.NotFound("Project", project, "projectGuid");
        }

        var from = query.Date("startDate");
        var to = query.Date("endDate");
        var isBillable = query.Bool("isBillable");
        var isBilled = query.Bool("isBilled");
        return Page(context, severa, query, $"projects/{project:D}/workhours", hour =>
            hour.Project.Guid == project
            && InDates(hour, from, to)
            && (isBillable is null || hour.IsBillable == isBillable)
            && (isBilled is null || hour.IsInvoiced == isBilled));
    }

    /// <summary>GET /deletedworkhours: the work hours deleted (at or after deletedSince), in deletion order, token paged.</summary>
    private static IResult Deleted(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.LimitedRowLimit, DeletedParameters);
        var since = query.DateTime("deletedSince");
        var projects = query.Guids("projectGuids").ToHashSet();
        var users = query.Guids("userGuids").ToHashSet();
        return Pager.TokenPage(context, severa, query, "deletedworkhours", (start, take) => severa.WorkHourStore.ScanDeleted(
            start,
            hour => (since is null || hour.DeletedDateTime >= since)
                && (projects.Count == 0 || projects.Contains(hour.Project.Guid))
                && (users.Count == 0 || users.Contains(hour.User.Guid)),
            take));
    }

    private static IResult One(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        return SeveraJson.Ok(severa.GetWorkHour(guid) ?? throw SeveraErrors.NotFound("Work hour", guid));
    }

    private static IResult Page(HttpContext context, SeveraSandbox severa, SeveraQuery query, string route, Func<SeveraWorkHour, bool> filter) =>
        Pager.TokenPage(context, severa, query, route, (start, take) => severa.WorkHourStore.Scan(start, filter, take));

    private static bool InDates(SeveraWorkHour hour, DateOnly? from, DateOnly? to) =>
        (from is null || hour.EventDate >= from) && (to is null || hour.EventDate <= to);
}
