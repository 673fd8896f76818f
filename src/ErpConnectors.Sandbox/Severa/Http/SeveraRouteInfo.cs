namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>Endpoint metadata: the scope a route needs (null = any valid token), or that it issues tokens.</summary>
internal sealed record SeveraRouteInfo(string? Scope, bool IsAuthentication = false);
