using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Jiwa.Auth;
using ErpConnectors.Sandbox.Jiwa.Endpoints;
using ErpConnectors.Sandbox.Jiwa.Http;
using ErpConnectors.Sandbox.Jiwa.Sales;

namespace ErpConnectors.Sandbox.Jiwa;

/// <summary>Jiwa Financials REST API (ServiceStack) under /jiwa: the server is self-hosted, so its base is just the host's root.</summary>
internal sealed class JiwaSystem(JiwaSandbox jiwa) : SandboxSystem
{
    public const string BasePath = "/jiwa";

    public override string Name => "jiwa";

    public override PathString PathPrefix { get; } = new(BasePath);

    public override FaultOptions Faults => jiwa.Faults;

    /// <summary>/auth and /auth/{provider} (sign-in and logout): exempt from random faults and latency.</summary>
    public override bool IsAuthenticationEndpoint(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<JiwaRouteInfo>() is { } route)
        {
            return route.IsAuthentication;
        }

        return context.Request.Path.StartsWithSegments(BasePath + "/auth", StringComparison.OrdinalIgnoreCase);
    }

    public override Task WriteFaultAsync(HttpContext context, int statusCode) => JiwaErrorWriter.WriteAsync(context, JiwaErrors.Fault(statusCode));

    public override void ConfigurePipeline(IApplicationBuilder branch) => branch.UseMiddleware<JiwaGatewayMiddleware>(jiwa);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var routes = new JiwaRoutes(endpoints, BasePath);
        AuthEndpoints.Map(routes, jiwa);
        KeepAliveEndpoints.Map(routes, jiwa);
        DebtorEndpoints.Map(routes, jiwa);
        InventoryEndpoints.Map(routes, jiwa);
        SalesDocumentEndpoints.Map(routes, jiwa, SalesDocumentShape.Order);
        SalesDocumentEndpoints.Map(routes, jiwa, SalesDocumentShape.Quote);
        SalesLineEndpoints.Map(routes, jiwa, SalesDocumentShape.Order);
        SalesLineEndpoints.Map(routes, jiwa, SalesDocumentShape.Quote);
        QueryEndpoints.Map(routes, jiwa);
    }

    public override string Title => "Jiwa";

    public override string ApiBasePath => BasePath;

    public override string SandboxConnectNote => $"(signs in as {SandboxCredentials.JiwaUserName})";

    public override IEnumerable<string> DescribeForConsole()
    {
        yield return $"POST auth {{\"provider\":\"credentials\",\"UserName\":\"{SandboxCredentials.JiwaUserName}\",\"Password\":\"{SandboxCredentials.JiwaPassword}\"}}, then header X-ss-id: <SessionId>";
        yield return string.Create(CultureInfo.InvariantCulture, $"  sessions expire {jiwa.Options.SessionLifetime.TotalMinutes:0.##} min after sign-in or the last GET KeepAlive");
        yield return $"or API key: Authorization: Bearer {SandboxCredentials.JiwaApiKey} (no sign-in)";
        yield return string.Create(CultureInfo.InvariantCulture, $"{jiwa.Options.DebtorCount} debtors, {jiwa.Options.InventoryCount} inventory items, AutoQuery Take cap {jiwa.TakeCap}");
    }
}
