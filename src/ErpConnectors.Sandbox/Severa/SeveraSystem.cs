using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Endpoints;
using ErpConnectors.Sandbox.Severa.Http;

namespace ErpConnectors.Sandbox.Severa;

/// <summary>Visma Severa REST API v1.0 under /severa/rest-api/v1.0.</summary>
internal sealed class SeveraSystem(SeveraSandbox severa) : SandboxSystem
{
    public const string RootPath = "/severa/rest-api";
    public const string BasePath = RootPath + "/v1.0";

    public override string Name => "severa";

    public override PathString PathPrefix { get; } = new("/severa");

    public override FaultOptions Faults => severa.Faults;

    public override bool IsAuthenticationEndpoint(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<SeveraRouteInfo>() is { } route)
        {
            return route.IsAuthentication;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        return path.EndsWith("/token", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/refreshtoken", StringComparison.OrdinalIgnoreCase);
    }

    public override Task WriteFaultAsync(HttpContext context, int statusCode)
    {
        if (statusCode == StatusCodes.Status429TooManyRequests)
        {
            var limit = severa.Options.RequestsPerSecond;
            return SeveraErrorWriter.WriteQuotaExceededAsync(context, limit > 0 ? limit : 10);
        }

        var error = statusCode switch
        {
            401 => SeveraErrors.InvalidToken(),
            >= 500 => new SeveraApiException(statusCode, SeveraErrorTypes.InternalSystemError, "An internal error occurred (injected fault)."),
            _ => new SeveraApiException(statusCode, SeveraErrorTypes.InvalidRequest, "The request failed (injected fault)."),
        };
        return SeveraErrorWriter.WriteAsync(context, error);
    }

    public override void ConfigurePipeline(IApplicationBuilder branch) => branch.UseMiddleware<SeveraGatewayMiddleware>(severa);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var routes = new SeveraRoutes(endpoints, BasePath);
        TokenEndpoints.Map(routes, BasePath, severa);
        HeartbeatEndpoints.Map(routes, RootPath, BasePath);
        CustomerEndpoints.Map(routes, severa);
        ContactPersonEndpoints.Map(routes, severa);
        AddressEndpoints.Map(routes, severa);
        UserEndpoints.Map(routes, severa);
        ProjectEndpoints.Map(routes, severa);
        PhaseEndpoints.Map(routes, severa);
        WorkHourEndpoints.Map(routes, severa);
        InvoiceEndpoints.Map(routes, severa);
        InvoiceStatusEndpoints.Map(routes, severa);
        OvertimeEndpoints.Map(routes, severa);
    }

    public override string Title => "Severa";

    public override string ApiBasePath => BasePath;

    public override string SandboxConnectNote => $"(client {SandboxCredentials.SeveraClientId}; the read scopes unless -Scope names others)";

    public override IEnumerable<string> DescribeForConsole()
    {
        yield return $"POST token {{\"client_Id\",\"client_Secret\",\"scope\"}}: client_id {SandboxCredentials.SeveraClientId}, secret {SandboxCredentials.SeveraClientSecret} (every scope)";
        yield return $"  or client_id {SandboxCredentials.SeveraReadOnlyClientId}, secret {SandboxCredentials.SeveraReadOnlyClientSecret} (customers:read only)";
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"then headers client_id and Authorization: Bearer; access tokens live {severa.Options.AccessTokenLifetime.TotalSeconds} s, refresh tokens {severa.Options.RefreshTokenLifetime.TotalSeconds} s");
        yield return string.Create(CultureInfo.InvariantCulture, $"{severa.Data.CustomerCount} customers, {severa.Options.RequestsPerSecond} requests/s per client (0 = unlimited), rowCount up to {severa.Options.MaxRowCount} ({severa.Options.LimitedMaxRowCount} on the lists the OpenAPI caps; above: {severa.Options.RowCountAboveMaximum})");
    }
}
