using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>How each Overview entity is computed from the tables (the caller holds the database lock).</summary>
internal static class Overviews
{
    public static IEnumerable<Row> Customers(QicsDatabase database)
    {
        var projects = database.Projects.Rows
            .GroupBy(p => (long)p["CustomerId"]!)
            .ToDictionary(g => g.Key, g => (Count: g.LongCount(), Budget: g.Sum(p => (decimal)p["Budget"]!)));
        foreach (var customer in database.Customers.Rows)
        {
            var (count, budget) = projects.GetValueOrDefault(customer.Key(Schemas.Customer));
            yield return Extend(customer, ("ProjectCount", count), ("TotalBudget", budget));
        }
    }

    public static IEnumerable<Row> Employees(QicsDatabase database) =>
        database.Employees.Rows.Select(e => Extend(e, ("FullName", $"{e["FirstName"]} {e["LastName"]}".Trim())));

    public static IEnumerable<Row> Projects(QicsDatabase database) =>
        database.Projects.Rows.Select(p =>
        {
            var customer = database.Customers.Find((long)p["CustomerId"]!);
            return Extend(p, ("CustomerCode", customer?["Code"]), ("CustomerName", customer?["Name"]));
        });

    public static IEnumerable<Row> Items(QicsDatabase database) => database.Items.Rows;

    private static Row Extend(Row row, params (string Name, object? Value)[] related) =>
        new(row.Values.Concat(related.Select(r => KeyValuePair.Create(r.Name, r.Value))));
}
