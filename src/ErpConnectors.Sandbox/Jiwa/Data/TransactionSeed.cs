using System.Globalization;

namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>
/// Seeded debtor transactions: an invoice for every processed or closed sales order, a payment for most of
/// them a few weeks later, now and then a credit note first; allocations add up, so a debtor's
/// balance is what its unpaid invoices still owe. TransIDs count up in date order.
/// </summary>
internal static class TransactionSeed
{
    public static List<DebtorTransaction> FromOrders(Random random, IReadOnlyList<SalesDocument> orders)
    {
        var drafts = new List<DebtorTransaction>();
        var paymentNumber = 0;
        var creditNumber = 0;
        foreach (var order in orders.Where(o => o.Status != "Entered"))
        {
            var total = order.Total;
            var credit = random.Next(100) < 5 ? Math.Round(total / 10m, 2, MidpointRounding.AwayFromZero) : 0m;
            var paid = random.Next(100) < 70;

            // A payment settles what the invoice still owes after its credit note, so a paid invoice is fully allocated.
            drafts.Add(Draft(order, DebtorTransaction.Invoice, order.InitiatedDate, order.No, null, total, paid ? total : credit));
            if (credit > 0m)
            {
                var reference = string.Create(CultureInfo.InvariantCulture, $"CR{++creditNumber:D6}");
                drafts.Add(Draft(order, DebtorTransaction.CreditNote, order.InitiatedDate.AddDays(random.Next(1, 14)), reference, "Returned goods", credit, credit));
            }

            if (paid)
            {
                var reference = string.Create(CultureInfo.InvariantCulture, $"PMT{++paymentNumber:D6}");
                drafts.Add(Draft(order, DebtorTransaction.Payment, order.InitiatedDate.AddDays(random.Next(14, 46)), reference, JiwaSeed.Pick(random, JiwaWords.Remarks), total - credit, total - credit));
            }
        }

        return [.. drafts.OrderBy(t => t.TranDate).Select((t, i) => t with { TransID = JiwaIds.Sequential(JiwaIds.TransactionPrefix, i + 1) })];
    }

    private static DebtorTransaction Draft(SalesDocument order, string type, DateTime date, string reference, string? remark, decimal amount, decimal allocated) => new()
    {
        TransID = string.Empty,
        DebtorID = order.DebtorID,
        AccountNo = order.DebtorAccountNo,
        TranDate = date,
        InvRemitNo = reference,
        Remark = remark,
        Description = type,
        Amount = amount,
        AllocatedAmount = allocated,
    };
}
