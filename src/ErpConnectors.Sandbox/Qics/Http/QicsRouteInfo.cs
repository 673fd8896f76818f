namespace ErpConnectors.Sandbox.Qics.Http;

/// <summary>Endpoint metadata of every Qics route: whether it is an OAuth endpoint (no api-key, token or tenant).</summary>
internal sealed record QicsRouteInfo(bool IsAuthentication);
