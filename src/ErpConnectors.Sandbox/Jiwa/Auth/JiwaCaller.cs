namespace ErpConnectors.Sandbox.Jiwa.Auth;

/// <summary>An authenticated caller: a live session or a valid API key.</summary>
/// <param name="Key">The key of its stateful objects: "session:{SessionId}" or "apikey:{key}".</param>
/// <param name="SessionId">The session, or null for an API key.</param>
internal sealed record JiwaCaller(string Key, string UserName, string? SessionId)
{
    public static JiwaCaller OfSession(string sessionId, string userName) => new("session:" + sessionId, userName, sessionId);

    public static JiwaCaller OfApiKey(string apiKey, string userName) => new("apikey:" + apiKey, userName, null);
}
