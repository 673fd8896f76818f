using ErpConnectors.Sandbox.Jiwa.Data;
using ErpConnectors.Sandbox.Jiwa.Debtors;
using ErpConnectors.Sandbox.Jiwa.Records;
using ErpConnectors.Sandbox.Jiwa.Sales;

namespace ErpConnectors.Sandbox.Jiwa;

/// <summary>
/// The records as they are now: seeded from the options, then changed by writes (in memory only). Debtors,
/// sales orders and sales quotes can be edited statefully; inventory and transactions are read-only here.
/// </summary>
internal sealed class JiwaRecords
{
    public JiwaRecords(JiwaSeedData seed, Func<DateTime> now)
    {
        Debtors = new RecordResource<Debtor>(
            "Debtor",
            "DebtorID",
            new RecordStore<Debtor>(d => d.DebtorID, seed.Debtors, DebtorPatch.CheckUnique),
            d => d.DebtorID,
            (d, at) => d with { LastSavedDateTime = at },
            now);
        Inventory = new RecordStore<InventoryItem>(i => i.InventoryID, seed.Inventory);
        Transactions = seed.Transactions;
        SalesOrders = new SalesBook(SalesDocumentShape.Order, seed.SalesOrders, Debtors.Store, Inventory, now);
        SalesQuotes = new SalesBook(SalesDocumentShape.Quote, seed.SalesQuotes, Debtors.Store, Inventory, now);
    }

    public RecordResource<Debtor> Debtors { get; }

    public RecordStore<InventoryItem> Inventory { get; }

    public IReadOnlyList<DebtorTransaction> Transactions { get; }

    public SalesBook SalesOrders { get; }

    public SalesBook SalesQuotes { get; }

    public SalesBook Book(SalesDocumentShape shape) => ReferenceEquals(shape, SalesDocumentShape.Order) ? SalesOrders : SalesQuotes;

    public int StatefulObjectCount => Debtors.Cache.Count + SalesOrders.Records.Cache.Count + SalesQuotes.Records.Cache.Count;

    /// <summary>Drops every stateful object a caller holds (its session ended).</summary>
    public void DropStateful(string caller)
    {
        Debtors.Cache.RemoveCaller(caller);
        SalesOrders.Records.Cache.RemoveCaller(caller);
        SalesQuotes.Records.Cache.RemoveCaller(caller);
    }
}
