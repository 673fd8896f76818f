using System.Globalization;
using System.Text;
using ErpConnectors.Sandbox.Weavy.Accounts;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Data;

/// <summary>
/// Fills a new database from the seed: 20 baseusers (18 Active, 2 Disabled), 300 products, the customers asked
/// for, and one to three contacts (two on average) for each of the first 1000 customers. Codes are fixed-width
/// (C000001, CC000001, P0001, U001) so code order is also creation order. Seeded srvDateUTC values lie in
/// the two years before the sandbox started (on its clock; fixed per seed apart from that anchor), one in ten in its
/// last twelve hours, so `-ChangedSince (Get-Date).AddDays(-1)` finds rows; seven in ten records are already
/// exported (srvExport 1), the rest 0.
/// </summary>
internal static class WeavySeed
{
    public const int BaseUserCount = 20;
    public const int ActiveBaseUserCount = 18;
    public const int ProductCount = 300;
    public const int CustomersWithContacts = 1000;

    private const int SeedSpanSeconds = 2 * 365 * 86_400;
    private const int RecentSpanSeconds = 12 * 3600;
    private static readonly DateTime CreatedStart = new(2012, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    public static WeavyDatabase Create(int seed, int customerCount, TimeProvider time)
    {
        var database = new WeavyDatabase(time);
        DateTime anchor = database.UtcNow(); // seeded stamps end at the sandbox's start, on its own clock

        // A stream of its own (salted), so the Weavy data does not change when another system draws numbers.
        var random = new Random(unchecked((seed * 7919) + 0x3EA7));
        var users = database.Table(WeavyDictionary.BaseUserEntity);
        for (var i = 1; i <= BaseUserCount; i++)
        {
            var first = Pick(random, FrenchWords.FirstNames);
            var last = Pick(random, FrenchWords.LastNames);
            var login = string.Create(CultureInfo.InvariantCulture, $"{Slug(first)}.{Slug(last)}{i}");
            users.Put(Record(
                random, anchor,
                WeavyDictionary.BaseUserEntity,
                string.Create(CultureInfo.InvariantCulture, $"U{i:D3}"),
                ("login", login),
                ("name", $"{first} {last}"),
                ("email", $"{login}@weavy-sandbox.fr"),
                ("status", i <= ActiveBaseUserCount ? AccountStatuses.Active : AccountStatuses.Disabled)));
        }

        var products = database.Table(WeavyDictionary.ProductEntity);
        for (var i = 1; i <= ProductCount; i++)
        {
            products.Put(Record(
                random, anchor,
                WeavyDictionary.ProductEntity,
                string.Create(CultureInfo.InvariantCulture, $"P{i:D4}"),
                ("label", $"{Pick(random, FrenchWords.ProductNouns)} {Pick(random, FrenchWords.ProductAdjectives)} {i}"),
                ("price", random.Next(500, 250_000) / 100m),
                ("stock", (long)random.Next(0, 500))));
        }

        var customers = database.Table(WeavyDictionary.CustomerEntity);
        var contacts = database.Table(WeavyDictionary.CustomerContactEntity);
        var contactNumber = 0;
        for (var i = 1; i <= customerCount; i++)
        {
            var code = string.Create(CultureInfo.InvariantCulture, $"C{i:D6}");
            var name = $"{Pick(random, FrenchWords.LastNames)} {Pick(random, FrenchWords.CompanyForms)}";
            customers.Put(Record(
                random, anchor,
                WeavyDictionary.CustomerEntity,
                code,
                ("name", name),
                ("city", Pick(random, FrenchWords.Cities)),
                ("email", random.Next(10) == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"contact{i}@{Slug(name)}.fr")),
                ("revenue", random.Next(10) == 0 ? null : random.Next(0, 50_000_000) / 100m),
                ("status", Pick(random, FrenchWords.CustomerStatuses)),
                ("isActive", random.Next(100) < 85),
                ("createdOn", CreatedStart.AddSeconds(random.NextInt64(0, 11L * 365 * 86_400))),
                ("baseuser_ID", string.Create(CultureInfo.InvariantCulture, $"U{1 + random.Next(BaseUserCount):D3}"))));

            for (var c = i <= CustomersWithContacts ? 1 + random.Next(3) : 0; c > 0; c--)
            {
                var first = Pick(random, FrenchWords.FirstNames);
                var last = Pick(random, FrenchWords.LastNames);
                contacts.Put(Record(
                    random, anchor,
                    WeavyDictionary.CustomerContactEntity,
                    string.Create(CultureInfo.InvariantCulture, $"CC{++contactNumber:D6}"),
                    ("customer_ID", code),
                    ("firstName", first),
                    ("lastName", last),
                    ("email", string.Create(CultureInfo.InvariantCulture, $"{Slug(first)}.{Slug(last)}{contactNumber}@example.fr")),
                    ("phone", string.Create(CultureInfo.InvariantCulture, $"+33 {1 + random.Next(5)} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)} {random.Next(10, 100)}"))));
            }
        }

        return database;
    }

    // srvDateUTC before the anchor (as the server holds it: UTC, no zone); one draw, as before, so the rest of the
    // seeded data is unchanged.
    private static DateTime ServerDate(DateTime anchor, int draw)
    {
        int before = draw % 10 == 0 ? draw % RecentSpanSeconds : draw;
        return WeavyDatabase.Stamp(anchor.AddSeconds(-before - 1), previous: null);
    }

    private static WeavyRecord Record(Random random, DateTime anchor, EntityDefinition entity, string code, params (string Name, object? Value)[] values)
    {
        var all = values.Select(v => KeyValuePair.Create(v.Name, v.Value)).ToList();
        all.Add(KeyValuePair.Create<string, object?>(entity.KeyName, code));
        all.Add(KeyValuePair.Create<string, object?>(FieldDefinition.ServerDate, ServerDate(anchor, random.Next(0, SeedSpanSeconds))));
        all.Add(KeyValuePair.Create<string, object?>(FieldDefinition.ServerExport, random.Next(10) < 7 ? 1L : 0L));
        return new WeavyRecord(entity, all, deleted: false);
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    /// <summary>Lower case ASCII letters only: "D'Almeida SARL" → "dalmeidasarl", "Hélène" → "helene".</summary>
    private static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
