namespace ErpConnectors.Sandbox;

/// <summary>What a body fault does to an answer (issue 13: what real proxies, gateways and flaky links do).</summary>
public enum BodyFaultKind
{
    /// <summary>The real answer, its body cut off after <see cref="BodyFault.Bytes"/> bytes: the connection is aborted there.</summary>
    CutOff,

    /// <summary>The real answer's first <see cref="BodyFault.Bytes"/> bytes, then a clean end: a JSON body that stops mid-value.</summary>
    Truncated,

    /// <summary>200 text/html: a proxy's sign-in page instead of the API's answer.</summary>
    Html,

    /// <summary>200 application/json whose body is not JSON at all.</summary>
    NotJson,

    /// <summary>200 application/json nested far deeper than any record.</summary>
    Deep,

    /// <summary>The real answer with a UTF-8 byte-order mark before it.</summary>
    ByteOrderMark,

    /// <summary>200 with an empty body.</summary>
    Empty,

    /// <summary>500 with a body of <see cref="BodyFault.Bytes"/> bytes (a gateway's dump), written until the client goes away.</summary>
    HugeError,
}

/// <summary>
/// A one-shot body fault, fired by the first request that matches it (after <paramref name="SkipMatches"/>
/// matching requests were let through). Like <see cref="InjectedFault"/>, a fault without a path never hits
/// authentication endpoints.
/// </summary>
public sealed record BodyFault(
    BodyFaultKind Kind,
    string? Method = null,
    string? PathContains = null,
    int SkipMatches = 0,
    long Bytes = 0);
