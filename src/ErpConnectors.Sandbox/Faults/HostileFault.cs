namespace ErpConnectors.Sandbox;

/// <summary>What a hostile network does to a request instead of (or around) answering it normally.</summary>
public enum HostileFaultKind
{
    /// <summary>302 to the same path on the foreign origin (another port of 127.0.0.1; see <see cref="ForeignOrigin"/>).</summary>
    RedirectForeign,

    /// <summary>302 to the same path under /sandbox-redirected on this origin, which serves it as if asked directly.</summary>
    RedirectSameOrigin,

    /// <summary>307 (method and body kept) to the same path on the foreign origin.</summary>
    RedirectForeignKeepMethod,

    /// <summary>The real answer's status and headers, part of its body, then silence until the client gives up.</summary>
    StallBody,

    /// <summary>The real answer, one byte per <see cref="HostileFaults.TrickleInterval"/>.</summary>
    TrickleBody,

    /// <summary>A 502 from a "gateway" that echoes the request: method, path, every header and the body.</summary>
    EchoRequest,
}

/// <summary>
/// A one-shot hostile fault, fired by the first request that matches it (after <paramref name="SkipMatches"/>
/// matching requests were let through). Matching as <see cref="InjectedFault"/>: sign-in endpoints only when
/// <paramref name="PathContains"/> names them.
/// </summary>
public sealed record HostileFault(
    HostileFaultKind Kind,
    string? Method = null,
    string? PathContains = null,
    int SkipMatches = 0);
