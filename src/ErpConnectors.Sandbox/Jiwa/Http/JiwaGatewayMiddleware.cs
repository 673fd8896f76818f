using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Jiwa.Auth;

namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>
/// What stands in front of every Jiwa route, in order: unknown route (404) or method (405), the format
/// parameter, the caller check (a live session or an API key, else 401). Also turns JiwaApiException into
/// ServiceStack's ResponseStatus body. The route checks come before authentication because ServiceStack finds
/// the service before it runs the service's authentication filter: an unknown route is 404 to anybody.
/// There is no rate limiter: the vendor documents none.
/// </summary>
internal sealed class JiwaGatewayMiddleware(RequestDelegate next, JiwaSandbox jiwa)
{
    public Task InvokeAsync(HttpContext context) => ErrorBoundary.RunAsync<JiwaApiException>(
        context,
        () => GuardAsync(context),
        error => JiwaErrorWriter.WriteAsync(context, error),
        bug => new JiwaApiException(500, bug.GetType().Name, $"Sandbox error: {bug}"));

    private Task GuardAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var route = endpoint?.Metadata.GetMetadata<JiwaRouteInfo>();
        if (route is null)
        {
            var method = context.Request.Method;
            var path = context.Request.Path.Value ?? string.Empty;
            throw endpoint is null ? JiwaErrors.NoRoute(method, path) : JiwaErrors.MethodNotAllowed(method, path);
        }

        // ?format=json is the vendor's documented content-type override; the sandbox speaks JSON only.
        var format = context.Request.Query["format"].ToString();
        if (format.Length > 0 && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            throw JiwaErrors.NotAcceptable(format);
        }

        if (!route.Anonymous)
        {
            context.Items[JiwaRequest.CallerItem] = JiwaAuthentication.Identify(context, jiwa.Sessions) ?? throw JiwaErrors.NotAuthenticated();
        }

        return next(context);
    }
}
