using ErpConnectors.Sandbox.Jiwa.AutoQuery;
using ErpConnectors.Sandbox.Jiwa.Data;

namespace ErpConnectors.Sandbox.Jiwa.Sales;

/// <summary>
/// What tells a sales order from a sales quote on the wire: route, list, id and number names, the line's id
/// and quantity names, the due date's name and the statuses. Everything else about the two is one code path.
/// </summary>
/// <param name="What">"Sales order": the record's name in messages.</param>
/// <param name="Route">"SalesOrders": the route segment.</param>
/// <param name="Statuses">The statuses a PATCH may set; a new document gets the first.</param>
internal sealed record SalesDocumentShape(
    string What,
    string Route,
    string ListName,
    string IdName,
    string NumberName,
    string NumberPrefix,
    string DueDateName,
    string LineIdName,
    string QuantityName,
    IReadOnlyList<string> Statuses)
{
    public static readonly SalesDocumentShape Order = new(
        What: "Sales order",
        Route: "SalesOrders",
        ListName: "SalesOrderList",
        IdName: "InvoiceID",
        NumberName: "InvoiceNo",
        NumberPrefix: SalesSeed.OrderPrefix,
        DueDateName: "ExpectedDeliveryDate",
        LineIdName: "InvoiceLineID",
        QuantityName: "QuantityOrdered",
        Statuses: ["Entered", "Processed", "Closed"]);

    public static readonly SalesDocumentShape Quote = new(
        What: "Sales quote",
        Route: "SalesQuotes",
        ListName: "SalesQuoteList",
        IdName: "QuoteID",
        NumberName: "QuoteNo",
        NumberPrefix: SalesSeed.QuotePrefix,
        DueDateName: "ExpiryDate",
        LineIdName: "QuoteLineID",
        QuantityName: "Quantity",
        Statuses: ["Entered", "Closed"]);

    /// <summary>The header columns: the list's row, and the document without its Lines and Notes.</summary>
    public ColumnSet<SalesDocument> Columns { get; } = new(
    [
        new(IdName, typeof(string), d => d.Id),
        new(NumberName, typeof(string), d => d.No),
        new("DebtorID", typeof(string), d => d.DebtorID),
        new("DebtorAccountNo", typeof(string), d => d.DebtorAccountNo),
        new("DebtorName", typeof(string), d => d.DebtorName),
        new("OrderNo", typeof(string), d => d.OrderNo),
        new("InitiatedDate", typeof(DateTime), d => d.InitiatedDate),
        new(DueDateName, typeof(DateTime), d => d.DueDate),
        new("Status", typeof(string), d => d.Status),
        new("Total", typeof(decimal), d => d.Total),
        new("LastSavedDateTime", typeof(DateTime), d => d.LastSavedDateTime),
    ]);

    /// <summary>The full document in wire order: the header, then Lines and Notes before LastSavedDateTime.</summary>
    public OrderedDictionary<string, object?> ToWire(SalesDocument document)
    {
        var wire = new OrderedDictionary<string, object?>();
        foreach (var column in Columns.All)
        {
            if (column.Name == "LastSavedDateTime")
            {
                wire.Add("Lines", document.Lines.Select(LineToWire).ToList());
                wire.Add("Notes", document.Notes);
            }

            wire.Add(column.Name, column.Read(document));
        }

        return wire;
    }

    private OrderedDictionary<string, object?> LineToWire(SalesDocumentLine line) => new()
    {
        [LineIdName] = line.LineId,
        ["InventoryID"] = line.InventoryID,
        ["PartNo"] = line.PartNo,
        ["Description"] = line.Description,
        [QuantityName] = line.Quantity,
        ["Price"] = line.Price,
    };
}
