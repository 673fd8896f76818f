using ErpConnectors.Sandbox.Jiwa.AutoQuery;
using ErpConnectors.Sandbox.Jiwa.Data;
using ErpConnectors.Sandbox.Jiwa.Http;
using ErpConnectors.Sandbox.Jiwa.Sales;

namespace ErpConnectors.Sandbox.Jiwa.Endpoints;

/// <summary>
/// GET /Queries/{List}: the five AutoQuery lists, all answered by the one engine. Rows are flat (a record's
/// scalar fields, no nested arrays); the default order is each list's natural key: AccountNo, PartNo,
/// InvoiceNo, QuoteNo, TransID (which counts up in date order). Lists show saved records only: a stateful copy
/// is nobody's list row until it is saved.
/// </summary>
internal static class QueryEndpoints
{
    public static void Map(JiwaRoutes routes, JiwaSandbox jiwa)
    {
        IQueryList[] lists =
        [
            new QueryList<Debtor>("DebtorList", ColumnSet<Debtor>.FromScalarProperties(), "AccountNo", () => jiwa.Records.Debtors.Store.Snapshot()),
            new QueryList<InventoryItem>("InventoryList", ColumnSet<InventoryItem>.FromScalarProperties(), "PartNo", () => jiwa.Records.Inventory.Snapshot()),
            Sales(SalesDocumentShape.Order, jiwa),
            Sales(SalesDocumentShape.Quote, jiwa),
            new QueryList<DebtorTransaction>("DebtorTransactionList", ColumnSet<DebtorTransaction>.FromScalarProperties(), "TransID", () => jiwa.Records.Transactions),
        ];

        foreach (var list in lists)
        {
            routes.Get("/Queries/" + list.Name, context => JiwaJson.Ok(list.Execute(context.Request.Query, jiwa.TakeCap)));
        }
    }

    private static QueryList<SalesDocument> Sales(SalesDocumentShape shape, JiwaSandbox jiwa) =>
        new(shape.ListName, shape.Columns, shape.NumberName, () => jiwa.Records.Book(shape).Records.Store.Snapshot());
}
