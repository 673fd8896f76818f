namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>Every record the sandbox starts with, as generated from the seed.</summary>
internal sealed record JiwaSeedData(
    IReadOnlyList<Debtor> Debtors,
    IReadOnlyList<InventoryItem> Inventory,
    IReadOnlyList<SalesDocument> SalesOrders,
    IReadOnlyList<SalesDocument> SalesQuotes,
    IReadOnlyList<DebtorTransaction> Transactions);
