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
    public async Task InvokeAsync(HttpContext context)
    {
        try
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

            await next(context).ConfigureAwait(false);
        }
        catch (JiwaApiException error) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await JiwaErrorWriter.WriteAsync(context, error).ConfigureAwait(false);
        }
        catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // A bug in the emulation: answer like ServiceStack's catch-all, with the reason, so a test shows it.
            context.Response.Clear();
            await JiwaErrorWriter.WriteAsync(context, new JiwaApiException(500, error.GetType().Name, $"Sandbox error: {error}")).ConfigureAwait(false);
        }
    }
}
