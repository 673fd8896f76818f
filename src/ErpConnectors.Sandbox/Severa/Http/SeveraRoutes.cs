using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>Maps Severa routes under the base path, each tagged with the scope it needs.</summary>
internal sealed class SeveraRoutes(IEndpointRouteBuilder endpoints, string basePath)
{
    public void Get(string pattern, string? scope, Func<HttpContext, IResult> handler) =>
        Map(HttpMethods.Get, pattern, scope, context => Task.FromResult(handler(context)));

    public void Map(string method, string pattern, string? scope, Func<HttpContext, Task<IResult>> handler) =>
        MapAbsolute(method, basePath + pattern, new SeveraRouteInfo(scope), handler);

    public void MapAbsolute(string method, string path, SeveraRouteInfo info, Func<HttpContext, Task<IResult>> handler) =>
        ResultRoutes.Map(endpoints, method, path, info, handler);
}
