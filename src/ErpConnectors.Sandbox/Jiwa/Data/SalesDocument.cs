namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>
/// A sales order or a sales quote: the two share every rule and differ only in their wire names (InvoiceID vs
/// QuoteID, QuantityOrdered vs Quantity, ...), which <see cref="Sales.SalesDocumentShape"/> supplies.
/// </summary>
internal sealed record SalesDocument
{
    public required string Id { get; init; }

    public required string No { get; init; }

    public required string DebtorID { get; init; }

    /// <summary>The debtor's account number and name when the document was created (kept as they were then).</summary>
    public required string DebtorAccountNo { get; init; }

    public required string DebtorName { get; init; }

    public string? OrderNo { get; init; }

    public DateTime InitiatedDate { get; init; }

    /// <summary>ExpectedDeliveryDate of an order, ExpiryDate of a quote.</summary>
    public DateTime? DueDate { get; init; }

    public required string Status { get; init; }

    public required IReadOnlyList<SalesDocumentLine> Lines { get; init; }

    public required IReadOnlyList<JiwaNote> Notes { get; init; }

    public DateTime LastSavedDateTime { get; init; }

    /// <summary>Sum of quantity × price over the lines, rounded to cents.</summary>
    public decimal Total => Math.Round(Lines.Sum(l => l.Quantity * l.Price), 2, MidpointRounding.AwayFromZero);
}

/// <summary>A line: InvoiceLineID/QuantityOrdered on an order, QuoteLineID/Quantity on a quote.</summary>
internal sealed record SalesDocumentLine(string LineId, string InventoryID, string PartNo, string Description, decimal Quantity, decimal Price);

/// <summary>
/// A note on a sales order or quote. NoteID is a hyphenated guid, as the vendor's route example shows
/// (/SalesOrders/{InvoiceID}/Notes/66581f3f-3efb-4cb5-878c-37f6a55405cf).
/// </summary>
internal sealed record JiwaNote(string NoteID, string NoteText, string NoteType, DateTime LastSavedDateTime)
{
    /// <summary>The note type used when a new note names none (the vendor: "the default note type configured in Jiwa").</summary>
    public const string DefaultType = "Default";
}
