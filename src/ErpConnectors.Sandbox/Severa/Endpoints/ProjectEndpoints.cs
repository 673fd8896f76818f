using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Paging;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>
/// GET /projects and /customers/{guid}/projects (token paging; changedSince, projectGuids, projectOwnerGuids,
/// numbers, isClosed, and customerGuids on the first), /projects/{guid}, and the project's phase tree
/// /projects/{guid}/phaseswithhierarchy (one unpaged array).
/// </summary>
internal static class ProjectEndpoints
{
    private static readonly string[] CustomerProjectParameters = ["projectGuids", "projectOwnerGuids", "numbers", "isClosed"];

    // The published OpenAPI gives changedSince on /projects only, not on /customers/{guid}/projects.
    private static readonly string[] ListParameters = [.. CustomerProjectParameters, "customerGuids", "changedSince"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Get("/projects", SeveraScopes.ProjectsRead, context => List(context, severa, customer: null));
        routes.Get("/projects/{guid}", SeveraScopes.ProjectsRead, context => One(context, severa));
        routes.Get("/customers/{customerGuid}/projects", SeveraScopes.ProjectsRead, context => OfCustomer(context, severa));
        routes.Get("/projects/{guid}/phaseswithhierarchy", SeveraScopes.ProjectsRead, context => PhasesWithHierarchy(context, severa));
    }

    private static IResult OfCustomer(HttpContext context, SeveraSandbox severa)
    {
        var guid = RouteValues.Guid(context, "customerGuid");
        return severa.Data.Rows.IndexOfCustomer(guid) < 0
            ? throw SeveraErrors.NotFound("Customer", guid, "customerGuid")
            : List(context, severa, guid);
    }

    private static IResult List(HttpContext context, SeveraSandbox severa, Guid? customer)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.LimitedRowLimit, customer is null ? ListParameters : CustomerProjectParameters);
        var since = query.ChangedSince;
        var projects = query.Guids("projectGuids").ToHashSet();
        var owners = query.Guids("projectOwnerGuids").ToHashSet();
        var numbers = query.Longs("numbers").ToHashSet();
        var isClosed = query.Bool("isClosed");
        var customers = customer is { } only ? [only] : query.Guids("customerGuids").ToHashSet();
        var route = customer is null ? "projects" : $"customers/{customer:D}/projects";
        return Pager.TokenPage(context, severa, query, route, severa.Data.Projects, project =>
            (since is null || project.LastUpdatedDateTime >= since)
            && (projects.Count == 0 || projects.Contains(project.Guid))
            && (owners.Count == 0 || owners.Contains(project.ProjectOwner.Guid))
            && (numbers.Count == 0 || numbers.Contains(project.Number))
            && (isClosed is null || project.IsClosed == isClosed)
            && (customers.Count == 0 || customers.Contains(project.Customer.Guid)));
    }

    private static IResult One(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var index = severa.Data.ProjectIndex(guid);
        return index < 0 ? throw SeveraErrors.NotFound("Project", guid) : SeveraJson.Ok(severa.Data.Projects[index]);
    }

    private static IResult PhasesWithHierarchy(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        if (severa.Data.ProjectIndex(guid) < 0)
        {
            throw SeveraErrors.NotFound("Project", guid);
        }

        return SeveraJson.Ok(severa.Data.PhasesOfProject(guid).Select(SeveraPhaseWithHierarchy.From).ToList());
    }
}
