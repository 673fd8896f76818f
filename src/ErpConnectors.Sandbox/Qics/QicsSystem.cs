using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Qics.Auth;
using ErpConnectors.Sandbox.Qics.Data;
using ErpConnectors.Sandbox.Qics.Endpoints;
using ErpConnectors.Sandbox.Qics.Http;

namespace ErpConnectors.Sandbox.Qics;

/// <summary>QicsMilestones REST API v3 under /qics/api: OAuth2 endpoints and the V3 OData routes.</summary>
internal sealed class QicsSystem(QicsSandbox qics) : SandboxSystem
{
    public const string BasePath = "/qics/api";
    public const string ODataPath = "/V3/odata";
    public const string OAuthPath = BasePath + "/oauth2";
    public const string AuthorizePath = OAuthPath + "/oauth2/auth";
    public const string TokenPath = OAuthPath + "/oauth2/token";

    public override string Name => "qics";

    public override PathString PathPrefix { get; } = new("/qics");

    public override FaultOptions Faults => qics.Faults;

    public static bool IsOAuthPath(PathString path) => path.StartsWithSegments(OAuthPath, StringComparison.OrdinalIgnoreCase);

    public override bool IsAuthenticationEndpoint(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<QicsRouteInfo>() is { } route ? route.IsAuthentication : IsOAuthPath(context.Request.Path);

    /// <summary>
    /// Faults in the OData error shape. 401 is worded like a bad token (with WWW-Authenticate); 429 carries
    /// Retry-After: 1 (chosen: the document names no rate limit, a well-behaved gateway says when to retry).
    /// </summary>
    public override Task WriteFaultAsync(HttpContext context, int statusCode)
    {
        var error = statusCode switch
        {
            401 => QicsErrors.Unauthorized("The access token is not valid (injected fault).", tokenWasSent: true),
            429 => new QicsApiException(429, "Too many requests: retry later (injected fault).", headers: new Dictionary<string, string> { ["Retry-After"] = "1" }),
            _ => new QicsApiException(statusCode, "The request failed (injected fault)."),
        };
        return ODataErrorWriter.WriteAsync(context, error);
    }

    public override void ConfigurePipeline(IApplicationBuilder branch) => branch.UseMiddleware<QicsGatewayMiddleware>(qics);

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var authentication = new QicsRouteInfo(IsAuthentication: true);
        endpoints.MapMethods(AuthorizePath, [HttpMethods.Get], context => AuthorizeEndpoint.HandleAsync(context, qics)).WithMetadata(authentication);
        endpoints.MapMethods(TokenPath, [HttpMethods.Post], context => TokenEndpoint.HandleAsync(context, qics)).WithMetadata(authentication);
        ODataEndpoints.Map(endpoints, qics);
    }

    public override string Title => "Qics";

    public override string ApiBasePath => BasePath;

    public override string SandboxConnectNote => "(the sandbox approves the sign-in at once: no browser)";

    /// <summary>Credentials, how to get a token, and a freshly issued refresh token (a new one each time this is asked).</summary>
    public override IEnumerable<string> DescribeForConsole()
    {
        yield return $"client_id {SandboxCredentials.QicsClientId}, secret {SandboxCredentials.QicsClientSecret}, redirect_uri any http://localhost:PORT/ or http://127.0.0.1:PORT/";
        yield return $"token: GET oauth2/oauth2/auth?response_type=code&client_id={SandboxCredentials.QicsClientId}&redirect_uri=... approves at once (302 to redirect_uri?code=...),";
        yield return "  then POST oauth2/oauth2/token form grant_type=authorization_code, code, client_id, client_secret, redirect_uri";
        yield return $"refresh_token {qics.IssueRefreshToken()} (fresh: POST oauth2/oauth2/token grant_type=refresh_token; each refresh replaces it)";
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"every call: Authorization: Bearer, api-key {SandboxCredentials.QicsApiKey}, tenant-id {SandboxCredentials.QicsTenantId}; access tokens live {qics.Options.AccessTokenLifetime.TotalSeconds} s");
        yield return string.Create(
            CultureInfo.InvariantCulture,
            $"{qics.Options.CustomerCount} customers, {QicsSeed.EmployeeCount} employees, {(qics.Options.CustomerCount > 0 ? QicsSeed.ProjectCount : 0)} projects, {QicsSeed.ItemCount} items");
    }
}
