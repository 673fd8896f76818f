namespace ErpConnectors.Sandbox;

/// <summary>
/// A one-shot fault, answered by the first request that matches it (after <paramref name="SkipMatches"/>
/// matching requests were let through).
/// </summary>
/// <param name="StatusCode">
/// The status to answer, in the system's own error shape (Severa: 429 = the plain-text quota message,
/// 401 = the expired-token error body, anything else = an error body with that status).
/// </param>
/// <param name="Method">Only requests with this HTTP method; null = any.</param>
/// <param name="PathContains">
/// Only requests whose path contains this text (case-insensitive). Token endpoints are matched only by a fault
/// that names them here: a fault without a path never hits authentication.
/// </param>
/// <param name="SkipMatches">Matching requests to let through before this fault fires.</param>
/// <param name="AfterHandling">
/// Run the real handler first (a write is applied) and answer the fault instead of its result: the write
/// reached the server but the answer was lost.
/// </param>
public sealed record InjectedFault(
    int StatusCode,
    string? Method = null,
    string? PathContains = null,
    int SkipMatches = 0,
    bool AfterHandling = false);
