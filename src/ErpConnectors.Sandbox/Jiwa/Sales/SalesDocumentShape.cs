using ErpConnectors.Sandbox.Jiwa.AutoQuery;
using ErpConnectors.Sandbox.Jiwa.Data;

namespace ErpConnectors.Sandbox.Jiwa.Sales;

/// <summary>
/// What tells a sales order from a sales quote on the wire: route, list, id and number names, the line's id
/// and quantity names, the due date's name and the statuses. Everything else about the two is one code path.
/// </summary>
internal sealed class SalesDocumentShape
{
    public static readonly SalesDocumentShape Order = new(
        what: "Sales order",
        route: "SalesOrders",
        listName: "SalesOrderList",
        idName: "InvoiceID",
        numberName: "InvoiceNo",
        numberPrefix: SalesSeed.OrderPrefix,
        dueDateName: "ExpectedDeliveryDate",
        lineIdName: "InvoiceLineID",
        quantityName: "QuantityOrdered",
        statuses: ["Entered", "Processed", "Closed"]);

    public static readonly SalesDocumentShape Quote = new(
        what: "Sales quote",
        route: "SalesQuotes",
        listName: "SalesQuoteList",
        idName: "QuoteID",
        numberName: "QuoteNo",
        numberPrefix: SalesSeed.QuotePrefix,
        dueDateName: "ExpiryDate",
        lineIdName: "QuoteLineID",
        quantityName: "Quantity",
        statuses: ["Entered", "Closed"]);

    private SalesDocumentShape(
        string what,
        string route,
        string listName,
        string idName,
        string numberName,
        string numberPrefix,
        string dueDateName,
        string lineIdName,
        string quantityName,
        IReadOnlyList<string> statuses)
    {
        What = what;
        Route = route;
        ListName = listName;
        IdName = idName;
        NumberName = numberName;
        NumberPrefix = numberPrefix;
        DueDateName = dueDateName;
        LineIdName = lineIdName;
        QuantityName = quantityName;
        Statuses = statuses;
        Columns = new ColumnSet<SalesDocument>(
        [
            new(idName, typeof(string), d => d.Id),
            new(numberName, typeof(string), d => d.No),
            new("DebtorID", typeof(string), d => d.DebtorID),
            new("DebtorAccountNo", typeof(string), d => d.DebtorAccountNo),
            new("DebtorName", typeof(string), d => d.DebtorName),
            new("OrderNo", typeof(string), d => d.OrderNo),
            new("InitiatedDate", typeof(DateTime), d => d.InitiatedDate),
            new(dueDateName, typeof(DateTime), d => d.DueDate),
            new("Status", typeof(string), d => d.Status),
            new("Total", typeof(decimal), d => d.Total),
            new("LastSavedDateTime", typeof(DateTime), d => d.LastSavedDateTime),
        ]);
    }

    /// <summary>"Sales order": the record's name in messages.</summary>
    public string What { get; }

    /// <summary>"SalesOrders": the route segment.</summary>
    public string Route { get; }

    public string ListName { get; }

    public string IdName { get; }

    public string NumberName { get; }

    public string NumberPrefix { get; }

    public string DueDateName { get; }

    public string LineIdName { get; }

    public string QuantityName { get; }

    /// <summary>The statuses a PATCH may set; a new document is the first.</summary>
    public IReadOnlyList<string> Statuses { get; }

    /// <summary>The header columns: the list's row, and the document without its Lines and Notes.</summary>
    public ColumnSet<SalesDocument> Columns { get; }

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
