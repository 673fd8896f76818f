using System.Globalization;

namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>
/// Generates the starting records from the seed. Each kind draws from its own seeded random, so the same seed
/// and counts always give the same records, and changing the inventory count does not reshuffle the debtors.
/// Seeded records were "last saved" between 2022 and 2024, fixed dates rather than the clock, so a run is
/// repeatable whatever day it is; what the API writes is stamped with the sandbox's clock.
/// </summary>
internal static class JiwaSeed
{
    /// <summary>Debtors beyond this many have no sales orders, quotes or transactions (history is a sample).</summary>
    public const int DebtorsWithOrders = 400;

    public const int DebtorsWithQuotes = 200;

    public static readonly DateTime Start = new(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = new(2024, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Orders initiated from this day on are still Entered; older ones were processed (or closed).</summary>
    private static readonly DateTime RecentOrders = new(2024, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    public static JiwaSeedData Generate(int seed, int debtorCount, int inventoryCount)
    {
        var inventory = Inventory(new Random(Salted(seed, 1)), inventoryCount);
        var debtors = Debtors(new Random(Salted(seed, 2)), debtorCount);
        var orders = SalesSeed.Orders(new Random(Salted(seed, 3)), debtors, inventory, Math.Min(debtorCount, DebtorsWithOrders), RecentOrders);
        var quotes = SalesSeed.Quotes(new Random(Salted(seed, 4)), debtors, inventory, Math.Min(debtorCount, DebtorsWithQuotes));
        var transactions = TransactionSeed.FromOrders(new Random(Salted(seed, 5)), orders);
        return new JiwaSeedData(WithBalances(debtors, transactions), inventory, orders, quotes, transactions);
    }

    /// <summary>A moment between <see cref="Start"/> and <see cref="End"/>, whole seconds.</summary>
    public static DateTime Moment(Random random) => Start.AddSeconds(random.NextInt64((long)(End - Start).TotalSeconds));

    public static decimal Money(Random random, int minCents, int maxCents) => random.Next(minCents, maxCents + 1) / 100m;

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static int Salted(int seed, int kind) => unchecked((seed * 7919) + (kind * 104729));

    private static List<InventoryItem> Inventory(Random random, int count)
    {
        var items = new List<InventoryItem>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(new InventoryItem
            {
                InventoryID = JiwaIds.Sequential(JiwaIds.InventoryPrefix, i + 1),
                PartNo = string.Create(CultureInfo.InvariantCulture, $"P{1000 + i}"),
                Description = $"{Pick(random, JiwaWords.ProductKinds)} {Pick(random, JiwaWords.ProductGrades)} {Pick(random, JiwaWords.ProductSizes)}",
                Status = random.Next(100) < 8 ? InventoryItem.Discontinued : InventoryItem.Active,
                DefaultPrice = Money(random, 50, 50_000),
                QuantityOnHand = random.Next(0, 2001),
                LastSavedDateTime = Moment(random),
            });
        }

        return items;
    }

    private static List<Debtor> Debtors(Random random, int count)
    {
        var debtors = new List<Debtor>(count);
        var contactNumber = 0L;
        for (var i = 0; i < count; i++)
        {
            var first = Pick(random, JiwaWords.CompanyFirst);
            var second = Pick(random, JiwaWords.CompanySecond);
            var place = Pick(random, JiwaWords.Places);
            var domain = $"{first}{second.Replace(" ", string.Empty, StringComparison.Ordinal)}.com.au".ToLowerInvariant();
            var contacts = new List<DebtorContact>();
            var contactCount = random.Next(1, 4);
            for (var c = 0; c < contactCount; c++)
            {
                var firstName = Pick(random, JiwaWords.FirstNames);
                var surname = Pick(random, JiwaWords.Surnames);
                contacts.Add(new DebtorContact(
                    JiwaIds.Sequential(JiwaIds.ContactPrefix, ++contactNumber),
                    firstName,
                    surname,
                    $"{firstName}.{surname}@{domain}".ToLowerInvariant(),
                    Phone(random, place.Area, mobile: true),
                    DefaultContact: c == 0));
            }

            debtors.Add(new Debtor
            {
                DebtorID = JiwaIds.Sequential(JiwaIds.DebtorPrefix, i + 1),
                AccountNo = string.Create(CultureInfo.InvariantCulture, $"C{i + 1:D5}"),
                Name = $"{first} {second} {Pick(random, JiwaWords.CompanySuffixes)}",
                EmailAddress = $"accounts@{domain}",
                Phone = Phone(random, place.Area, mobile: false),
                Address1 = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 400)} {Pick(random, JiwaWords.Streets)}"),
                Address2 = random.Next(100) < 25 ? string.Create(CultureInfo.InvariantCulture, $"Unit {random.Next(1, 40)}") : null,
                Address3 = place.Suburb,
                Address4 = place.State,
                Postcode = place.Postcode,
                Country = "Australia",
                CreditLimit = Pick(random, CreditLimits),
                AccountOnHold = random.Next(100) < 3,
                ContactNames = contacts,
                LastSavedDateTime = Moment(random),
            });
        }

        return debtors;
    }

    private static readonly decimal[] CreditLimits = [0m, 2_500m, 5_000m, 10_000m, 20_000m, 50_000m];

    private static string Phone(Random random, string area, bool mobile) => mobile
        ? string.Create(CultureInfo.InvariantCulture, $"04{random.Next(10, 100)} {random.Next(100, 1000)} {random.Next(100, 1000)}")
        : string.Create(CultureInfo.InvariantCulture, $"({area}) {random.Next(8000, 10000)} {random.Next(0, 10000):D4}");

    /// <summary>CurrentBalance = invoices − payments − credit notes, per debtor.</summary>
    private static List<Debtor> WithBalances(List<Debtor> debtors, IReadOnlyList<DebtorTransaction> transactions)
    {
        var balances = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var transaction in transactions)
        {
            var sign = transaction.DebitCredit ? 1 : -1;
            balances[transaction.DebtorID] = balances.GetValueOrDefault(transaction.DebtorID) + (sign * transaction.Amount);
        }

        return [.. debtors.Select(d => balances.TryGetValue(d.DebtorID, out var balance) ? d with { CurrentBalance = balance } : d)];
    }
}
