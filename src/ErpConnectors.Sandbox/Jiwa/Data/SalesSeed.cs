using System.Globalization;

namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>
/// Seeded sales orders and quotes: a few for each of the first debtors, numbered in date order (SO000001 is
/// the oldest), each with one to five lines priced at the item's default price and sometimes a note.
/// </summary>
internal static class SalesSeed
{
    public const string OrderPrefix = "SO";
    public const string QuotePrefix = "SQ";

    public static List<SalesDocument> Orders(Random random, IReadOnlyList<Debtor> debtors, IReadOnlyList<InventoryItem> inventory, int debtorsWithOrders, DateTime recent)
    {
        var documents = Generate(random, debtors, inventory, debtorsWithOrders, maxPerDebtor: 4, OrderPrefix);
        return [.. documents.Select(d => d with
        {
            DueDate = d.InitiatedDate.AddDays(random.Next(3, 22)),
            Status = d.InitiatedDate >= recent ? "e_SalesOrderEntered" : random.Next(100) < 85 ? "e_SalesOrderProcessed" : "e_SalesOrderClosed",
        })];
    }

    public static List<SalesDocument> Quotes(Random random, IReadOnlyList<Debtor> debtors, IReadOnlyList<InventoryItem> inventory, int debtorsWithQuotes)
    {
        var documents = Generate(random, debtors, inventory, debtorsWithQuotes, maxPerDebtor: 2, QuotePrefix);
        return [.. documents.Select(d => d with
        {
            DueDate = d.InitiatedDate.AddDays(14),
            ExpiryDate = d.InitiatedDate.AddDays(30),
            Status = random.Next(100) < 60 ? "e_SalesQuoteEntered" : "e_SalesQuoteClosed",
        })];
    }

    /// <summary>The document number: prefix and six digits (more when there are more documents).</summary>
    public static string Number(string prefix, long number) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{number:D6}");

    private static List<SalesDocument> Generate(Random random, IReadOnlyList<Debtor> debtors, IReadOnlyList<InventoryItem> inventory, int debtorCount, int maxPerDebtor, string prefix)
    {
        var started = new List<(Debtor Debtor, DateTime Initiated)>();
        for (var i = 0; i < debtorCount; i++)
        {
            var count = random.Next(0, maxPerDebtor + 1);
            for (var n = 0; n < count; n++)
            {
                started.Add((debtors[i], JiwaSeed.Moment(random).Date));
            }
        }

        // Numbers follow the date, like a real ledger; ties keep debtor order (OrderBy is stable).
        var documents = new List<SalesDocument>(started.Count);
        foreach (var (debtor, initiated) in started.OrderBy(s => s.Initiated))
        {
            var lines = new List<SalesDocumentLine>();
            var lineCount = random.Next(1, 6);
            for (var l = 0; l < lineCount; l++)
            {
                var item = JiwaSeed.Pick(random, inventory);
                lines.Add(new SalesDocumentLine(JiwaIds.Hex(random), item.InventoryID, item.PartNo, item.Description, random.Next(1, 21), item.DefaultPrice));
            }

            var saved = initiated.AddSeconds(random.Next(3600, 86_400 * 3));
            var notes = new List<JiwaNote>();
            var noteCount = random.Next(100) < 30 ? random.Next(1, 3) : 0;
            for (var n = 0; n < noteCount; n++)
            {
                var (text, type) = JiwaSeed.Pick(random, JiwaWords.Notes);
                notes.Add(new JiwaNote(JiwaIds.Guid(random), text, type, saved));
            }

            documents.Add(new SalesDocument
            {
                Id = JiwaIds.Hex(random),
                No = Number(prefix, documents.Count + 1),
                DebtorID = debtor.DebtorID,
                DebtorAccountNo = debtor.AccountNo,
                DebtorName = debtor.Name,
                OrderNo = random.Next(100) < 70 ? string.Create(CultureInfo.InvariantCulture, $"PO{random.Next(10_000, 100_000)}") : null,
                InitiatedDate = initiated,
                Status = string.Empty, // set by Orders or Quotes
                Lines = lines,
                Notes = notes,
                LastSavedDateTime = saved,
            });
        }

        return documents;
    }
}
