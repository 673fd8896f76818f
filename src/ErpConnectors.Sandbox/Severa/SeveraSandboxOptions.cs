namespace ErpConnectors.Sandbox;

/// <summary>What a Severa list does with a rowCount above its maximum. Neither reference says; both are emulated.</summary>
public enum SeveraRowCountPolicy
{
    /// <summary>400 InvalidParameter naming the maximum.</summary>
    Refuse,

    /// <summary>The page holds at most the maximum, silently: a page shorter than asked is then not the last.</summary>
    Cap,
}

/// <summary>
/// Knobs of the Severa emulation. CustomerCount is read once at start (the data is generated from it);
/// the others are read on every request, so a test may change them while the server runs.
/// </summary>
public sealed class SeveraSandboxOptions
{
    /// <summary>
    /// Customers to generate. Rows are computed from (seed, index) when asked for, so a million costs no memory;
    /// contact persons (2 per customer) and addresses (3 per customer) scale with it, projects and what hangs
    /// off them are capped.
    /// </summary>
    public int CustomerCount { get; set; } = 3000;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Calls per client id in any sliding one-second window (fair use: 10); 0 = no limit.</summary>
    public int RequestsPerSecond { get; set; } = 10;

    /// <summary>The largest rowCount on lists whose published definition states no maximum (the guide: 1000): customers, users, invoices, a phase's work types.</summary>
    public int MaxRowCount { get; set; } = 1000;

    /// <summary>
    /// The largest rowCount on the lists whose published OpenAPI says "maximum 100": contact persons, addresses,
    /// invoice statuses, projects, phases, work hours, invoice rows, deleted work hours.
    /// </summary>
    public int LimitedMaxRowCount { get; set; } = 100;

    /// <summary>What a rowCount above the list's maximum gets.</summary>
    public SeveraRowCountPolicy RowCountAboveMaximum { get; set; } = SeveraRowCountPolicy.Refuse;
}
