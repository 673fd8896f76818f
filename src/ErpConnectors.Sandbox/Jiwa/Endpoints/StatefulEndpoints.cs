using ErpConnectors.Sandbox.Jiwa.Http;
using ErpConnectors.Sandbox.Jiwa.Records;

namespace ErpConnectors.Sandbox.Jiwa.Endpoints;

/// <summary>
/// GET {resource}/{id}/Save (200 + the saved record; 409 when the record was saved by someone else since the
/// copy was read, and the copy stays) and DELETE {resource}/{id}/Abandon (204). Either with nothing held is 404.
/// They act on the caller's cached copy whether or not they carry the jiwa-stateful header (chosen: there is
/// nothing else for them to act on).
/// </summary>
internal static class StatefulEndpoints
{
    /// <param name="resource">Asked for on each request: the records are generated on first use, not at start.</param>
    /// <param name="served">Whether these routes exist now (false: 404 as a route the server lacks).</param>
    public static void Map<T>(JiwaRoutes routes, string resourcePath, Func<RecordResource<T>> resource, Func<T, object> toWire, Func<bool>? served = null)
        where T : class
    {
        void Check(HttpContext context)
        {
            if (served is not null && !served())
            {
                throw JiwaErrors.NoRoute(context.Request.Method, context.Request.Path);
            }
        }

        routes.Get(resourcePath + "/{id}/Save", context =>
        {
            Check(context);
            return JiwaJson.Ok(toWire(resource().Save(JiwaRequest.Caller(context).Key, JiwaRequest.Id(context))));
        });
        routes.Delete(resourcePath + "/{id}/Abandon", context =>
        {
            Check(context);
            resource().Abandon(JiwaRequest.Caller(context).Key, JiwaRequest.Id(context));
            return Results.NoContent();
        });
    }
}
