namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>Endpoint metadata of a Jiwa route: whether it needs a caller, and whether it is an authentication route.</summary>
/// <param name="Anonymous">Reachable without a session or API key (the /auth routes).</param>
/// <param name="IsAuthentication">Exempt from random faults and latency, as the shared host exempts sign-in routes.</param>
internal sealed record JiwaRouteInfo(bool Anonymous = false, bool IsAuthentication = false)
{
    public static readonly JiwaRouteInfo Authenticated = new();

    public static readonly JiwaRouteInfo Authentication = new(Anonymous: true, IsAuthentication: true);
}
