namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// How every system maps a route: one method and path, a handler that returns an <see cref="IResult"/> (or throws
/// the system's error, which its gateway middleware answers), and the system's own route metadata, which its
/// gateway reads to tell a known route (authenticate it) from an unknown one.
/// </summary>
internal static class ResultRoutes
{
    public static void Map(IEndpointRouteBuilder endpoints, string method, string path, object metadata, Func<HttpContext, Task<IResult>> handler)
    {
        endpoints.MapMethods(path, [method], async context =>
        {
            var result = await handler(context).ConfigureAwait(false);
            await result.ExecuteAsync(context).ConfigureAwait(false);
        }).WithMetadata(metadata);
    }
}
