namespace ErpConnectors.Sandbox;

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

    /// <summary>The largest rowCount a list accepts (the vendor's documented maximum is 1000).</summary>
    public int MaxRowCount { get; set; } = 1000;
}
