using ErpConnectors.Sandbox.Severa.Http;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>GET heartbeat/authorized: 204 with a good token (the gateway answers 401 otherwise). Not versioned.</summary>
internal static class HeartbeatEndpoints
{
    public static void Map(SeveraRoutes routes, string rootPath, string basePath)
    {
        var info = new SeveraRouteInfo(null);
        foreach (var path in new[] { rootPath + "/heartbeat/authorized", basePath + "/heartbeat/authorized" })
        {
            routes.MapAbsolute(HttpMethods.Get, path, info, _ => Task.FromResult(Results.NoContent()));
        }
    }
}
