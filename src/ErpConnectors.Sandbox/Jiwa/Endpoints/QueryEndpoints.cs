using ErpConnectors.Sandbox.Jiwa.AutoQuery;
using ErpConnectors.Sandbox.Jiwa.Data;
using ErpConnectors.Sandbox.Jiwa.Http;
using ErpConnectors.Sandbox.Jiwa.Sales;

namespace ErpConnectors.Sandbox.Jiwa.Endpoints;

/// <summary>
/// GET /Queries/{List}: the five AutoQuery lists of the vendor's service model (DebtorList, InventoryItemList,
/// SalesOrderList, SalesQuoteList, DebtorTransactionList), all answered by the one engine. Rows are flat; the
/// default order is each list's natural key: AccountNo, PartNo, InvoiceNo (quotes too), TransID (which counts
/// up in date order). Lists show saved records only: a stateful copy
/// is nobody's list row until it is saved.
/// </summary>
internal static class QueryEndpoints
{
    public static void Map(JiwaRoutes routes, JiwaSandbox jiwa)
    {
        IQueryList[] lists =
        [
            new QueryList<Debtor>("DebtorList", ColumnSet<Debtor>.FromScalarProperties(), "AccountNo", () => jiwa.Records.Debtors.Store.Snapshot()),
            new QueryList<InventoryItem>("InventoryItemList", InventoryColumns, "PartNo", () => jiwa.Records.Inventory.Snapshot()),
            Sales(SalesDocumentShape.Order, jiwa),
            Sales(SalesDocumentShape.Quote, jiwa),
            new QueryList<DebtorTransaction>("DebtorTransactionList", ColumnSet<DebtorTransaction>.FromScalarProperties(), "TransID", () => jiwa.Records.Transactions),
        ];

        foreach (var list in lists)
        {
            routes.Get("/Queries/" + list.Name, context => JiwaJson.Ok(list.Execute(context.Request.Query, jiwa.TakeCap)));
        }
    }

    /// <summary>v_Jiwa_Inventory_Item_List's columns (JiwaFinancials/JiwaMCPServer, Jiwadtos.dtos.cs), those the sandbox has.</summary>
    private static readonly ColumnSet<InventoryItem> InventoryColumns = new(
    [
        new("InventoryID", typeof(string), i => i.InventoryID),
        new("PartNo", typeof(string), i => i.PartNo),
        new("Description", typeof(string), i => i.Description),
        new("AvailableStock", typeof(decimal), i => i.QuantityOnHand),
        new("SellPrice", typeof(decimal), i => i.DefaultPrice),
        new("RRPPrice", typeof(decimal), i => i.RRPPrice),
        new("LastSavedDateTime", typeof(DateTime), i => i.LastSavedDateTime),
        new("InStock", typeof(decimal), i => i.QuantityOnHand),
    ]);

    private static QueryList<SalesDocument> Sales(SalesDocumentShape shape, JiwaSandbox jiwa) =>
        new(shape.ListName, shape.Columns, "InvoiceNo", () => jiwa.Records.Book(shape).Records.Store.Snapshot());
}
