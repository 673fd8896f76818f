namespace ErpConnectors.Sandbox;

/// <summary>
/// Knobs of the Divalto Weavy emulation. CustomerCount is read once, when the records are first generated;
/// the others are read on every request, so a test may change them while the server runs.
/// </summary>
public sealed class WeavySandboxOptions
{
    /// <summary>Records live in memory (a dictionary per record), hence a cap.</summary>
    public const int MaxCustomerCount = 100_000;

    /// <summary>Customers to generate (C000001...); the first 1000 get about two contacts each.</summary>
    public int CustomerCount { get; set; } = 5000;

    /// <summary>expiresIn of every token (chosen default: an hour, like the other systems).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The quota per calling IP: at most this many calls in any <see cref="Window"/>, 429 beyond it.
    /// 0 (the default) = no quota.
    /// </summary>
    public int RequestsPerWindow { get; set; }

    /// <summary>The sliding window of the quota (chosen default: one minute; the document's figures are cut).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A server that answers a Select with fewer records than its limit asks while more remain (the guide caps a
    /// packet at 1000; a server may cap lower without saying so): at most this many records a page. 0 (the
    /// default) = the limit is honoured. Clients must page until an empty page, not until a short one.
    /// </summary>
    public int SelectPageCap { get; set; }

    /// <summary>Accounts that may be Active at once (the project's licences).</summary>
    public int LicenceCount { get; set; } = 25;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(CustomerCount, "options.Weavy.CustomerCount");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(CustomerCount, MaxCustomerCount, "options.Weavy.CustomerCount");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TokenLifetime, TimeSpan.Zero, "options.Weavy.TokenLifetime");
        ArgumentOutOfRangeException.ThrowIfNegative(RequestsPerWindow, "options.Weavy.RequestsPerWindow");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Window, TimeSpan.Zero, "options.Weavy.Window");
        ArgumentOutOfRangeException.ThrowIfNegative(LicenceCount, "options.Weavy.LicenceCount");
        ArgumentOutOfRangeException.ThrowIfNegative(SelectPageCap, "options.Weavy.SelectPageCap");
    }
}
