using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>
/// Maps Jiwa routes under the base path. ASP.NET routing matches paths case-insensitively, as ServiceStack does
/// (/debtors/{id} and /Debtors/{id} are one route).
/// </summary>
internal sealed class JiwaRoutes(IEndpointRouteBuilder endpoints, string basePath)
{
    public void Get(string pattern, Func<HttpContext, IResult> handler) =>
        Map(HttpMethods.Get, pattern, context => Task.FromResult(handler(context)));

    public void Delete(string pattern, Func<HttpContext, IResult> handler) =>
        Map(HttpMethods.Delete, pattern, context => Task.FromResult(handler(context)));

    public void Map(string method, string pattern, Func<HttpContext, Task<IResult>> handler, JiwaRouteInfo? info = null) =>
        ResultRoutes.Map(endpoints, method, basePath + pattern, info ?? JiwaRouteInfo.Authenticated, handler);
}
