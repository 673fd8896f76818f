using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Severa.Auth;

namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>
/// What stands in front of every Severa API route, in order: the per-client rate limit, the token check
/// (client_id header + Bearer token), unknown routes, the scope check. Also turns SeveraApiException into the
/// vendor's error body. The token endpoints pass straight through: they authenticate with their body.
/// </summary>
internal sealed class SeveraGatewayMiddleware(RequestDelegate next, SeveraSandbox severa)
{
    public const string GrantItem = "ErpConnectors.Sandbox.Severa.Grant";

    public Task InvokeAsync(HttpContext context) => ErrorBoundary.RunAsync<SeveraApiException>(
        context,
        () => GuardAsync(context),
        error => SeveraErrorWriter.WriteAsync(context, error),
        bug => new SeveraApiException(500, SeveraErrorTypes.InternalSystemError, $"Sandbox error: {bug}"));

    private async Task GuardAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var route = endpoint?.Metadata.GetMetadata<SeveraRouteInfo>();
        if (route is { IsAuthentication: true })
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var clientId = context.Request.Headers["client_id"].ToString();
        var limit = severa.Options.RequestsPerSecond;
        if (clientId.Length > 0 && !severa.RateLimiter.TryAcquire(clientId, limit))
        {
            await SeveraErrorWriter.WriteQuotaExceededAsync(context, limit).ConfigureAwait(false);
            return;
        }

        var grant = Authenticate(context, clientId) ?? throw SeveraErrors.InvalidToken();
        if (route is null)
        {
            throw endpoint is null
                ? new SeveraApiException(404, SeveraErrorTypes.InvalidRequest, $"No route matches '{context.Request.Method} {context.Request.Path}' (the sandbox emulates a subset of the API).")
                : new SeveraApiException(405, SeveraErrorTypes.InvalidRequest, $"The method {context.Request.Method} is not allowed on '{context.Request.Path}'.");
        }

        if (route.Scope is { } needed && !grant.Scopes.Contains(needed))
        {
            throw new SeveraApiException(
                403,
                SeveraErrorTypes.InsufficientApiScope,
                [new SeveraErrorDetail($"Scope needed: {needed}")],
                new Dictionary<string, string>
                {
                    ["X-Accepted-OAuth-Scopes"] = needed,
                    ["X-OAuth-Scopes"] = SeveraScopes.HeaderValue(grant.Scopes),
                });
        }

        context.Items[GrantItem] = grant;
        await next(context).ConfigureAwait(false);
    }

    private AccessGrant? Authenticate(HttpContext context, string clientId)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (clientId.Length == 0 || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var grant = severa.Tokens.Validate(authorization[Bearer.Length..].Trim());
        return grant is not null && string.Equals(grant.ClientId, clientId, StringComparison.Ordinal) ? grant : null;
    }
}
