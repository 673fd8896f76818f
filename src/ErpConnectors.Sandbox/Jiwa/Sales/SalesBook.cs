using ErpConnectors.Sandbox.Jiwa.Data;
using ErpConnectors.Sandbox.Jiwa.Records;

namespace ErpConnectors.Sandbox.Jiwa.Sales;

/// <summary>The sales orders (or quotes): their shape, the records, the writer of request bodies, the next number.</summary>
internal sealed class SalesBook
{
    private int _lastNumber;

    public SalesBook(SalesDocumentShape shape, IReadOnlyList<SalesDocument> seeded, RecordStore<Debtor> debtors, RecordStore<InventoryItem> inventory, Func<DateTime> now)
    {
        Shape = shape;
        _lastNumber = seeded.Count;
        Records = new RecordResource<SalesDocument>(
            shape.What,
            shape.IdName,
            new RecordStore<SalesDocument>(d => d.Id, seeded),
            d => d.Id,
            (d, at) => d with { LastSavedDateTime = at },
            now);
        Writer = new SalesDocumentWriter(this, debtors, inventory, now);
    }

    public SalesDocumentShape Shape { get; }

    public RecordResource<SalesDocument> Records { get; }

    public SalesDocumentWriter Writer { get; }

    /// <summary>
    /// The next number, taken when the document is created, also statefully: a stateful document that is
    /// abandoned leaves a gap in the numbering (chosen; the number is what lets a caller tell documents apart
    /// before they are saved).
    /// </summary>
    public string NextNumber() => SalesSeed.Number(Shape.NumberPrefix, Interlocked.Increment(ref _lastNumber));
}
