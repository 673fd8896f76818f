using ErpConnectors.Sandbox.Jiwa.AutoQuery;
using ErpConnectors.Sandbox.Jiwa.Data;

namespace ErpConnectors.Sandbox.Jiwa.Sales;

/// <summary>
/// What tells a sales order from a sales quote on the wire: route, list, id, number, history and line id names, and
/// the statuses. Everything else about the two is one code path. Names follow the vendor's DTOs
/// (JiwaFinancials/JiwaMCPServer and RosedaleCustomerPortal, Jiwadtos.dtos.cs): both lines carry QuantityOrdered
/// and DiscountedPrice; both headers ExpectedDeliveryDate; a quote's ExpiryDate is on its history; the list rows
/// (v_Jiwa_SalesOrder_List, v_Jiwa_SalesQuote_List) call either document InvoiceID and InvoiceNo.
/// </summary>
/// <param name="What">"Sales order": the record's name in messages.</param>
/// <param name="Route">"SalesOrders": the route segment.</param>
/// <param name="Statuses">The DTO's status enum names a PATCH may set; a new document gets the first, and a list row carries the index.</param>
internal sealed record SalesDocumentShape(
    string What,
    string Route,
    string ListName,
    string IdName,
    string NumberName,
    string NumberPrefix,
    string HistoryIdName,
    string LineIdName,
    IReadOnlyList<string> Statuses)
{
    public const string DueDateName = "ExpectedDeliveryDate";
    public const string QuantityName = "QuantityOrdered";
    public const string PriceName = "DiscountedPrice";

    public static readonly SalesDocumentShape Order = new(
        What: "Sales order",
        Route: "SalesOrders",
        ListName: "SalesOrderList",
        IdName: "InvoiceID",
        NumberName: "InvoiceNo",
        NumberPrefix: SalesSeed.OrderPrefix,
        HistoryIdName: "InvoiceHistoryID",
        LineIdName: "InvoiceLineID",
        Statuses: ["e_SalesOrderEntered", "e_SalesOrderProcessed", "e_SalesOrderClosed"]);

    public static readonly SalesDocumentShape Quote = new(
        What: "Sales quote",
        Route: "SalesQuotes",
        ListName: "SalesQuoteList",
        IdName: "QuoteID",
        NumberName: "QuoteNo",
        NumberPrefix: SalesSeed.QuotePrefix,
        HistoryIdName: "QuoteHistoryID",
        LineIdName: "QuoteLineID",
        Statuses: ["e_SalesQuoteEntered", "e_SalesQuoteClosed"]);

    /// <summary>The list's columns: InvoiceID and InvoiceNo for quotes too ("for reasons of legacy", the vendor's tests say).</summary>
    public ColumnSet<SalesDocument> Columns { get; } = new(
    [
        new("InvoiceID", typeof(string), d => d.Id),
        new("InvoiceNo", typeof(string), d => d.No),
        new("OrderNo", typeof(string), d => d.OrderNo),
        new("InvoiceInitDate", typeof(DateTime), d => d.InitiatedDate),
        new("Status", typeof(int), d => Statuses.ToList().IndexOf(d.Status)),
        new("LastSavedDateTime", typeof(DateTime), d => d.LastSavedDateTime),
        new("InvoiceTotal", typeof(decimal), d => d.Total),
        new("DebtorID", typeof(string), d => d.DebtorID),
        new("AccountNo", typeof(string), d => d.DebtorAccountNo),
        new("DebtorName", typeof(string), d => d.DebtorName),
        new("InvoiceHistoryID", typeof(string), d => d.HistoryId),
        new("HistoryNo", typeof(int), d => 1),
    ]);

    public bool IsQuote => ReferenceEquals(this, Quote);

    /// <summary>The full document in wire order (the DTO's names; no total: the SalesOrder DTO has none, its histories do).</summary>
    public OrderedDictionary<string, object?> ToWire(SalesDocument document) => new()
    {
        [IdName] = document.Id,
        [NumberName] = document.No,
        ["DebtorID"] = document.DebtorID,
        ["DebtorAccountNo"] = document.DebtorAccountNo,
        ["DebtorName"] = document.DebtorName,
        ["OrderNo"] = document.OrderNo,
        ["InitiatedDate"] = document.InitiatedDate,
        ["InvoiceInitDate"] = document.InitiatedDate,
        [DueDateName] = document.DueDate,
        ["Status"] = document.Status,
        ["Lines"] = document.Lines.Select(LineToWire).ToList(),
        ["Histories"] = new List<object> { HistoryToWire(document) },
        ["Notes"] = document.Notes,
        ["LastSavedDateTime"] = document.LastSavedDateTime,
    };

    public OrderedDictionary<string, object?> HistoryToWire(SalesDocument document)
    {
        var history = new OrderedDictionary<string, object?>
        {
            [HistoryIdName] = document.HistoryId,
            ["HistoryNo"] = 1,
            ["HistoryTotal"] = document.Total,
        };
        if (IsQuote)
        {
            history["ExpiryDate"] = document.ExpiryDate;
        }

        history["Lines"] = document.Lines.Select(LineToWire).ToList();
        return history;
    }

    public OrderedDictionary<string, object?> LineToWire(SalesDocumentLine line) => new()
    {
        [LineIdName] = line.LineId,
        ["InventoryID"] = line.InventoryID,
        ["PartNo"] = line.PartNo,
        ["Description"] = line.Description,
        ["CommentLine"] = line.CommentLine,
        ["CommentText"] = line.CommentText,
        [QuantityName] = line.Quantity,
        [PriceName] = line.Price,
        ["LineTotal"] = line.LineTotal,
    };
}
