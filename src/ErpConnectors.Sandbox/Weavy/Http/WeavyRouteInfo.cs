namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>Endpoint metadata of every Weavy route: whether it is Authenticate (no token, no project check).</summary>
internal sealed record WeavyRouteInfo(bool IsAuthentication);
