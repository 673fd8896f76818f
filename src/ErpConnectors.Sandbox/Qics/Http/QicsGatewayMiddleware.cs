using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Qics.Auth;

namespace ErpConnectors.Sandbox.Qics.Http;

/// <summary>
/// What stands in front of every Qics API route, in order: the api-key header, the Bearer token, the
/// tenant-id header, unknown routes. The api-key comes first (chosen), so a bad key is reported as such
/// even with an expired token, and a client does not refresh for nothing. The OAuth endpoints pass straight
/// through: they authenticate with their parameters. Also turns QicsApiException into the OData error body.
/// </summary>
internal sealed class QicsGatewayMiddleware(RequestDelegate next, QicsSandbox qics)
{
    public const string ApiKeyHeader = "api-key";
    public const string TenantHeader = "tenant-id";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            var endpoint = context.GetEndpoint();
            var route = endpoint?.Metadata.GetMetadata<QicsRouteInfo>();
            if (route is { IsAuthentication: true })
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            if (route is null && QicsSystem.IsOAuthPath(context.Request.Path))
            {
                throw NoRoute(context, endpoint);
            }

            CheckApiKey(context);
            var family = Authenticate(context);
            CheckTenant(context, family.User);
            if (route is null)
            {
                throw NoRoute(context, endpoint);
            }

            await next(context).ConfigureAwait(false);
        }
        catch (QicsApiException error) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await ODataErrorWriter.WriteAsync(context, error).ConfigureAwait(false);
        }
        catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // A bug in the emulation: answer 500 with the reason, so a test shows it.
            context.Response.Clear();
            await ODataErrorWriter.WriteAsync(context, new QicsApiException(500, $"Sandbox error: {error}")).ConfigureAwait(false);
        }
    }

    private static QicsApiException NoRoute(HttpContext context, Endpoint? endpoint) =>
        endpoint is null
            ? QicsErrors.NotFound($"No route matches '{context.Request.Method} {context.Request.Path}' (the sandbox emulates a subset of the API).")
            : new QicsApiException(405, $"The method {context.Request.Method} is not allowed on '{context.Request.Path}'.");

    private static void CheckApiKey(HttpContext context)
    {
        var key = context.Request.Headers[ApiKeyHeader].ToString();
        if (key.Length == 0)
        {
            throw QicsErrors.Forbidden($"The {ApiKeyHeader} header is missing: every call must send the API key QICS assigned to the client application.", ApiKeyHeader);
        }

        if (!Secrets.Same(SandboxCredentials.QicsApiKey, key))
        {
            throw QicsErrors.Forbidden($"The {ApiKeyHeader} header does not hold a valid API key.", ApiKeyHeader);
        }
    }

    private TokenFamily Authenticate(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        if (!authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            throw QicsErrors.Unauthorized("The Authorization header is missing or not a Bearer token: send Authorization: Bearer <access token>.", tokenWasSent: false);
        }

        var (family, problem) = qics.Tokens.Validate(authorization[Bearer.Length..].Trim());
        return family ?? throw QicsErrors.Unauthorized(problem!, tokenWasSent: true);
    }

    private static void CheckTenant(HttpContext context, QicsUser user)
    {
        var text = context.Request.Headers[TenantHeader].ToString();
        if (text.Length == 0)
        {
            throw QicsErrors.BadRequest($"The {TenantHeader} header is missing: send the number of the tenant the request is for.", TenantHeader);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var tenant))
        {
            throw QicsErrors.BadRequest($"The {TenantHeader} header must be a tenant number, not '{text}'.", TenantHeader);
        }

        if (!user.TenantIds.Contains(tenant))
        {
            throw QicsErrors.Forbidden(string.Create(CultureInfo.InvariantCulture, $"The user has no access to tenant {tenant} ({TenantHeader})."), TenantHeader);
        }
    }
}
