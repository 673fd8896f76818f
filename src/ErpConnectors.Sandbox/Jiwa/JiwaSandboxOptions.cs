namespace ErpConnectors.Sandbox;

/// <summary>
/// Knobs of the Jiwa emulation. DebtorCount and InventoryCount are read once, when the records are first
/// generated; SessionLifetime and TakeCap are read on every request, so a test may change them while the server
/// runs (or use <see cref="JiwaSandbox.TakeCap"/>).
/// </summary>
public sealed class JiwaSandboxOptions
{
    /// <summary>Records are held in memory (a few kB per debtor with its history), hence a cap.</summary>
    public const int MaxDebtorCount = 200_000;

    public const int MaxInventoryCount = 100_000;

    /// <summary>Debtors to generate (C00001...). Sales orders, quotes and transactions belong to the first few hundred.</summary>
    public int DebtorCount { get; set; } = 2500;

    /// <summary>Inventory items to generate (P1000...); at least one, since seeded orders need items.</summary>
    public int InventoryCount { get; set; } = 300;

    /// <summary>How long a session lives after sign-in or its last GET /KeepAlive (the server's SessionExpiryInMinutes).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>
    /// Where a stateful debtor is saved and abandoned. The references disagree: the guide shows DebtorSAVERequest
    /// without its route (the sales-order pattern is /{id}/Save), a server's 2022 OpenAPI has /Debtors/Save?DebtorID=.
    /// Read on every request, so a test can try the client against both readings; the other form answers 404 as a
    /// route the server does not have.
    /// </summary>
    public bool DebtorSaveRouteTakesQuery { get; set; }

    /// <summary>AutoQuery's MaxLimit: the most rows one list answer holds, whatever Take asks.</summary>
    public int TakeCap { get; set; } = 100;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(DebtorCount, "options.Jiwa.DebtorCount");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DebtorCount, MaxDebtorCount, "options.Jiwa.DebtorCount");
        ArgumentOutOfRangeException.ThrowIfLessThan(InventoryCount, 1, "options.Jiwa.InventoryCount");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(InventoryCount, MaxInventoryCount, "options.Jiwa.InventoryCount");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SessionLifetime, TimeSpan.Zero, "options.Jiwa.SessionLifetime");
        ArgumentOutOfRangeException.ThrowIfLessThan(TakeCap, 1, "options.Jiwa.TakeCap");
    }
}
