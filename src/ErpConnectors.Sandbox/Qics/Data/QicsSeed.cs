using System.Globalization;
using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>
/// Fills a new database from the seed: customers (as many as asked), 100 employees, 300 projects (none when
/// there are no customers), 200 items and six EntityState records. Seeded timestamps carry +01:00 (the
/// vendor's time zone in winter), so a client meets a non-zero offset.
/// </summary>
internal static class QicsSeed
{
    public const int EmployeeCount = 100;
    public const int ProjectCount = 300;
    public const int ItemCount = 200;

    private static readonly TimeSpan Offset = TimeSpan.FromHours(1);

    public static QicsDatabase Create(int seed, int customerCount)
    {
        var database = new QicsDatabase();

        // A stream of its own (salted), so the Qics data does not change when another system draws numbers.
        var random = new Random(unchecked((seed * 7919) + 0x51C5));
        var start = new DateTimeOffset(2015, 1, 5, 8, 0, 0, Offset);
        var hoursApart = Math.Max(1, 87_600 / Math.Max(1, customerCount)); // CreatedOn spread over ten years
        for (var i = 1; i <= customerCount; i++)
        {
            var name = $"{Capitalized(Pick(random, DutchWords.LastNames))} {Pick(random, DutchWords.CompanyForms)}";
            database.Customers.Insert(Row(
                ("Code", string.Create(CultureInfo.InvariantCulture, $"C{i:D5}")),
                ("Name", name),
                ("Email", random.Next(10) == 0 ? null : string.Create(CultureInfo.InvariantCulture, $"info{i}@{Slug(name)}.nl")),
                ("City", Pick(random, DutchWords.Cities)),
                ("IsActive", random.Next(100) < 85),
                ("CreatedOn", start.AddHours((i * (long)hoursApart) + random.Next(hoursApart)))));
        }

        for (var i = 1; i <= EmployeeCount; i++)
        {
            var first = Pick(random, DutchWords.FirstNames);
            var last = Pick(random, DutchWords.LastNames);
            database.Employees.Insert(Row(
                ("Code", string.Create(CultureInfo.InvariantCulture, $"E{i:D4}")),
                ("FirstName", first),
                ("LastName", last),
                ("Email", string.Create(CultureInfo.InvariantCulture, $"{Slug(first)}.{Slug(last)}{i}@qics-sandbox.nl")),
                ("IsActive", random.Next(100) < 90)));
        }

        for (var i = 1; customerCount > 0 && i <= ProjectCount; i++)
        {
            database.Projects.Insert(Row(
                ("Code", string.Create(CultureInfo.InvariantCulture, $"P{i:D5}")),
                ("Name", $"{Pick(random, DutchWords.ProjectNames)} {2018 + random.Next(8)}"),
                ("CustomerId", (long)(1 + random.Next(customerCount))),
                ("StartDate", random.Next(10) == 0 ? null : new DateTimeOffset(2018, 1, 1, 0, 0, 0, Offset).AddDays(random.Next(2900))),
                ("Budget", random.Next(5, 500) * 100m)));
        }

        for (var i = 1; i <= ItemCount; i++)
        {
            database.Items.Insert(Row(
                ("Code", string.Create(CultureInfo.InvariantCulture, $"ART-{i:D4}")),
                ("Description", $"{Pick(random, DutchWords.ItemNouns)} {Pick(random, DutchWords.ItemKinds)}"),
                ("Price", random.Next(100, 250_000) / 100m)));
        }

        SeedEntityStates(database);
        return database;
    }

    /// <summary>A few records of each kind: synchronized, failed insert (EntityId 0), General error.</summary>
    private static void SeedEntityStates(QicsDatabase database)
    {
        var date = new DateTimeOffset(2024, 11, 4, 9, 30, 0, Offset);
        (long Company, string Source, string Type, long Id, string? Key, bool IsError, string? Message)[] states =
        [
            (1, "Exact Online", "Customer", 1, "EX-10001", false, null),
            (1, "Exact Online", "Customer", 2, "EX-10002", false, null),
            (1, "Exact Online", "Customer", 0, "EX-10077", true, "Insert failed: a customer with code C10077 already exists."),
            (1, "AFAS", "Employee", 1, "AF-1", false, null),
            (2, "Exact Online", "Item", 3, "ITM-3", true, "Price is missing. VAT code 'H21' is unknown."),
            (1, "AFAS", EntityStateTypes.General, 0, null, true, "Authentication to AFAS failed: the token has expired."),
        ];
        foreach (var (index, state) in states.Index())
        {
            database.EntityStates.Insert(Row(
                ("CompanyId", state.Company),
                ("DataSource", state.Source),
                ("EntityType", state.Type),
                ("EntityId", state.Id),
                ("DataSourceKey", state.Key),
                ("DataSourceDate", date.AddMinutes(index * 7)),
                ("IsError", state.IsError),
                ("Message", state.Message)));
        }
    }

    private static Row Row(params (string Name, object? Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static string Capitalized(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static string Slug(string text) =>
        new([.. text.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
