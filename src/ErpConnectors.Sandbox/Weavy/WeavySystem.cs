using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Endpoints;
using ErpConnectors.Sandbox.Weavy.Http;

namespace ErpConnectors.Sandbox.Weavy;

/// <summary>Divalto Weavy CRM data API under /weavy (the production base is the host's root, https://api.weavy.divalto.com).</summary>
internal sealed class WeavySystem(WeavySandbox weavy) : SandboxSystem
{
    public const string BasePath = "/weavy";

    public override string Name => "weavy";

    public override PathString PathPrefix { get; } = new(BasePath);

    public override FaultOptions Faults => weavy.Faults;

    /// <summary>POST v1/Authenticate: exempt from random faults and latency.</summary>
    public override bool IsAuthenticationEndpoint(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<WeavyRouteInfo>() is { } route)
        {
            return route.IsAuthentication;
        }

        return context.Request.Path.StartsWithSegments(BasePath + WeavyRoutes.Authenticate, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Faults in the Weavy error shape; an injected 429 carries Retry-After: 1 like the quota's own 429.</summary>
    public override Task WriteFaultAsync(HttpContext context, int statusCode) => WeavyErrorWriter.WriteAsync(context, WeavyErrors.Fault(statusCode));

    public override void ConfigurePipeline(IApplicationBuilder branch) => branch.UseMiddleware<WeavyGatewayMiddleware>(weavy);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var routes = new WeavyRoutes(endpoints, BasePath);
        AuthenticateEndpoint.Map(routes, weavy);
        DictionaryEndpoints.Map(routes);
        SelectEndpoint.Map(routes, weavy);
        RecordEndpoints.Map(routes, weavy);
        BulkImportEndpoint.Map(routes, weavy);
        ImportDataSetEndpoint.Map(routes, weavy);
        RelationalDataSetEndpoint.Map(routes, weavy);
        DeleteDataSetEndpoint.Map(routes, weavy);
        ExportValidationEndpoints.Map(routes, weavy);
        AccountEndpoints.Map(routes, weavy);
        TaskEndpoints.Map(routes, weavy);
        OutboxEndpoint.Map(routes, weavy);
        MergeEndpoint.Map(routes, weavy);
    }

    public override string Title => "Weavy";

    public override string ApiBasePath => BasePath;

    public override string SandboxConnectNote => $"(project {SandboxCredentials.WeavyProjectCode}, user {SandboxCredentials.WeavyUserName}, company {SandboxCredentials.WeavyCompanyCode})";

    public override IEnumerable<string> DescribeForConsole()
    {
        yield return $"POST v1/Authenticate {{\"scope\":\"API\",\"projectCode\":\"{SandboxCredentials.WeavyProjectCode}\",\"userName\":\"{SandboxCredentials.WeavyUserName}\",\"password\":\"{SandboxCredentials.WeavyPassword}\"}}";
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"  then Authorization: Bearer <authToken>; tokens live {weavy.Options.TokenLifetime.TotalSeconds:0} s; company {SandboxCredentials.WeavyCompanyCode} (the default companyCode, the only one it may name)");
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"{weavy.Options.CustomerCount} customers, {WeavySeed.ProductCount} products, {WeavySeed.BaseUserCount} users, quota {(weavy.Options.RequestsPerWindow > 0 ? $"{weavy.Options.RequestsPerWindow} calls per {weavy.Options.Window.TotalSeconds:0} s" : "off")}");
    }
}
