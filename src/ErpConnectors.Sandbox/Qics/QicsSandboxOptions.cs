namespace ErpConnectors.Sandbox;

/// <summary>
/// Knobs of the QicsMilestones emulation. CustomerCount is read once at start (the data is generated from
/// it); the others are read on every request, so a test may change them while the server runs.
/// </summary>
public sealed class QicsSandboxOptions
{
    /// <summary>Customers to generate (held in memory; up to <see cref="QicsSandbox.MaxCustomerCount"/>).</summary>
    public int CustomerCount { get; set; } = 500;

    /// <summary>expires_in of every access token (the document's example: 3600 s).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an authorization code can be exchanged.</summary>
    public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether the authorization redirect echoes the request's state parameter (RFC 6749 does; the vendor guide
    /// promises only that redirect_uri's own query parameters are kept). On by default; off, a client must find
    /// its state where the guide keeps it.
    /// </summary>
    public bool EchoState { get; set; } = true;

    /// <summary>
    /// A server that caps $top silently (the guide: paging "puts a maximum on the number of objects that can be
    /// obtained in one call", the figure unnamed): a page holds at most this many rows whatever $top asks, and no
    /// nextLink says more remain. 0 (the default) = $top is honoured. Clients must page until an empty page.
    /// </summary>
    public int SilentTopCap { get; set; }

    /// <summary>The largest $top a query accepts; a larger one is refused with 400 (ASP.NET OData's MaxTop).</summary>
    public int MaxTop { get; set; } = 1000;

    /// <summary>
    /// Server-driven paging: collection answers hold at most 50 rows and carry "@odata.nextLink" while rows
    /// remain (the link holds $skip, and $top when the request had one). Off by default.
    /// </summary>
    public bool UseNextLinks { get; set; }

    /// <summary>
    /// Collection answers are a bare JSON array instead of the OData envelope (no count, no nextLink), the other
    /// form the contract says clients must accept. Off by default.
    /// </summary>
    public bool BareArrays { get; set; }
}
