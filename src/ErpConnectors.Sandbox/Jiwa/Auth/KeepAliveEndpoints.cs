using ErpConnectors.Sandbox.Jiwa.Http;

namespace ErpConnectors.Sandbox.Jiwa.Auth;

/// <summary>
/// GET /KeepAlive: gives the caller's session a full lifetime from now. Answers 204 No Content (chosen: the
/// vendor's KeepAlive returns nothing, and ServiceStack answers a service that returns nothing with 204).
/// With an API key there is no session to extend; the call still succeeds.
/// </summary>
internal static class KeepAliveEndpoints
{
    public static void Map(JiwaRoutes routes, JiwaSandbox jiwa) => routes.Get("/KeepAlive", context =>
    {
        if (JiwaRequest.Caller(context).SessionId is { } sessionId)
        {
            jiwa.Sessions.Extend(sessionId);
        }

        jiwa.CountKeepAlive();
        return Results.NoContent();
    });
}
