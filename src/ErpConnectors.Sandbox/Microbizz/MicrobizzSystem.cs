using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Microbizz.Data;
using ErpConnectors.Sandbox.Microbizz.Endpoints;
using ErpConnectors.Sandbox.Microbizz.Http;

namespace ErpConnectors.Sandbox.Microbizz;

/// <summary>Microbizz GO API under /microbizz/api.php (production: https://go-api.microbizz.dk/api.php).</summary>
internal sealed class MicrobizzSystem(MicrobizzSandbox microbizz) : SandboxSystem
{
    public const string PrefixPath = "/microbizz";
    public const string BasePath = PrefixPath + "/api.php";

    public override string Name => "microbizz";

    public override PathString PathPrefix { get; } = new(PrefixPath);

    public override FaultOptions Faults => microbizz.Faults;

    /// <summary>POST login: exempt from random faults and latency.</summary>
    public override bool IsAuthenticationEndpoint(HttpContext context) =>
        context.Request.Path.Equals(BasePath + "/" + MicrobizzObjects.Login, StringComparison.Ordinal);

    public override Task WriteFaultAsync(HttpContext context, int statusCode) => MicrobizzErrors.WriteAsync(context, MicrobizzErrors.Fault(statusCode));

    public override void ConfigurePipeline(IApplicationBuilder branch) => branch.UseMiddleware<MicrobizzGatewayMiddleware>(microbizz);

    /// <summary>
    /// Two patterns for every method: the gateway resolves the object in the object table and refuses what the
    /// table does not allow, and <see cref="ObjectEndpoint"/> dispatches on the object's kind.
    /// </summary>
    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(BasePath + "/{object}", context => ObjectEndpoint.HandleAsync(context, microbizz));
        endpoints.Map(BasePath + "/{object}/{id}", context => ObjectEndpoint.HandleAsync(context, microbizz));
    }

    public override string Title => "Microbizz";

    public override string ApiBasePath => BasePath;

    public override string SandboxConnectNote => $"(logs in as {SandboxCredentials.MicrobizzUserName}, and again when a token expires)";

    public override IEnumerable<string> DescribeForConsole()
    {
        yield return $"POST login {{\"username\":\"{SandboxCredentials.MicrobizzUserName}\",\"password\":\"{SandboxCredentials.MicrobizzPassword}\"}}, then cookie access_token=<access_token>";
        var rate = microbizz.Options.TokenExpiryRate;
        yield return rate > 0
            ? string.Create(CultureInfo.InvariantCulture, $"  tokens expire at random: probability {rate} per request after a token's first (401: log in again)")
            : "  tokens never expire by themselves (--microbizz-token-expiry-rate makes them)";
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"{microbizz.Options.TaskCount} tasks, {MicrobizzSeed.CompanyCount} companies, {MicrobizzSeed.UserCount} users, {MicrobizzSeed.NotificationCount} notifications");
    }
}
