namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>
/// A sales order or a sales quote: the two share every rule and differ only in their wire names (InvoiceID vs
/// QuoteID, InvoiceLineID vs QuoteLineID, ...), which <see cref="Sales.SalesDocumentShape"/> supplies. Both have
/// one history here (a real order gains one per delivery), which holds the lines.
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

    /// <summary>ExpectedDeliveryDate: a header field of both (SalesOrder and SalesQuote DTOs).</summary>
    public DateTime? DueDate { get; init; }

    /// <summary>The history's id (InvoiceHistoryID, QuoteHistoryID): derived from the document id, so seeding draws nothing more.</summary>
    public string HistoryId => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Id)))[..20];

    /// <summary>A quote's expiry: on its history (SalesQuoteHistory.ExpiryDate), not its header.</summary>
    public DateTime? ExpiryDate { get; init; }

    public required string Status { get; init; }

    public required IReadOnlyList<SalesDocumentLine> Lines { get; init; }

    public required IReadOnlyList<JiwaNote> Notes { get; init; }

    public DateTime LastSavedDateTime { get; init; }

    /// <summary>Sum of quantity × price over the lines, rounded to cents (the list's InvoiceTotal, the history's HistoryTotal).</summary>
    public decimal Total => Math.Round(Lines.Sum(l => l.Quantity * l.Price), 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A line: InvoiceLineID on an order, QuoteLineID on a quote; QuantityOrdered and DiscountedPrice (the selling
/// price) on both. A comment line has text and no item.
/// </summary>
internal sealed record SalesDocumentLine(string LineId, string InventoryID, string PartNo, string Description, decimal Quantity, decimal Price)
{
    public bool CommentLine { get; init; }

    public string? CommentText { get; init; }

    public decimal LineTotal => Math.Round(Quantity * Price, 2, MidpointRounding.AwayFromZero);
}

/// <summary>
/// A note on a sales order or quote. NoteID is a hyphenated guid, as the vendor's route example shows
/// (/SalesOrders/{InvoiceID}/Notes/66581f3f-3efb-4cb5-878c-37f6a55405cf).
/// </summary>
internal sealed record JiwaNote(string NoteID, string NoteText, string NoteType, DateTime LastSavedDateTime)
{
    /// <summary>The note type used when a new note names none (the vendor: "the default note type configured in Jiwa").</summary>
    public const string DefaultType = "Default";
}
