using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Weavy.Auth;

namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>
/// What stands in front of every Weavy route, in order: the quota per calling IP (every call counts,
/// Authenticate included: the document's quota is on "les appels API à partir d'une même IP"), then the
/// Bearer token (Authenticate passes), then unknown routes (404/405), then the project code in the route
/// (another project than the token's is 403). Also turns WeavyApiException into the error body.
/// </summary>
internal sealed class WeavyGatewayMiddleware(RequestDelegate next, WeavySandbox weavy)
{
    public const string SessionItem = "ErpConnectors.Sandbox.Weavy.Session";

    public Task InvokeAsync(HttpContext context) => ErrorBoundary.RunAsync<WeavyApiException>(
        context,
        () => GuardAsync(context),
        error => WeavyErrorWriter.WriteAsync(context, error),
        bug => new WeavyApiException(500, WeavyErrors.InternalErrorCode, $"Sandbox error: {bug}"));

    private async Task GuardAsync(HttpContext context)
    {
        CheckQuota(context);
        var endpoint = context.GetEndpoint();
        var route = endpoint?.Metadata.GetMetadata<WeavyRouteInfo>();
        if (route is { IsAuthentication: true })
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var session = Authenticate(context);
        if (route is null)
        {
            throw endpoint is null
                ? new WeavyApiException(404, "RouteNotFound", $"No route matches '{context.Request.Method} {context.Request.Path}' (the sandbox emulates a subset of the API).")
                : new WeavyApiException(405, "MethodNotAllowed", $"The method {context.Request.Method} is not allowed on '{context.Request.Path}'.");
        }

        if (context.Request.RouteValues["projectCode"] is string project
            && !string.Equals(project, session.ProjectCode, StringComparison.OrdinalIgnoreCase))
        {
            throw WeavyErrors.ProjectNotAllowed(project);
        }

        context.Items[SessionItem] = session;
        await next(context).ConfigureAwait(false);
    }

    private void CheckQuota(HttpContext context)
    {
        var options = weavy.Options;
        var caller = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!weavy.Quota.TryAcquire(caller, options.RequestsPerWindow, options.Window, out var retryAfter))
        {
            throw WeavyErrors.TooManyRequests(
                string.Create(CultureInfo.InvariantCulture, $"Quota exceeded: at most {options.RequestsPerWindow} calls per {options.Window.TotalSeconds:0.###} s from one IP address. Nothing was done; retry later."),
                retryAfter);
        }
    }

    private WeavySession Authenticate(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) || authorization.Length == Bearer.Length)
        {
            throw WeavyErrors.Unauthorized("Unauthorized", "The Authorization header is missing or not a Bearer token: send Authorization: Bearer <authToken>.");
        }

        var (session, code, problem) = weavy.Tokens.Validate(authorization[Bearer.Length..].Trim());
        return session ?? throw WeavyErrors.Unauthorized(code, problem);
    }
}
