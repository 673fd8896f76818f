using System.Globalization;
using ErpConnectors.Sandbox.Qics.Http;
using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>
/// CreatedOn is the server's clock at insert (UTC, to the millisecond). A customer that still has projects
/// cannot be deleted: 409 (chosen, as a foreign key in the vendor's database would refuse it).
/// </summary>
internal sealed class CustomerRules(TimeProvider time) : TableRules
{
    public override Row OnInsert(Row row)
    {
        var now = time.GetUtcNow();
        return row.With("CreatedOn", new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero));
    }

    public override void CheckDelete(QicsDatabase database, long key)
    {
        var projects = database.Projects.Rows.Count(p => (long)p["CustomerId"]! == key);
        if (projects > 0)
        {
            throw QicsErrors.Conflict(string.Create(
                CultureInfo.InvariantCulture,
                $"Customer({key}) cannot be deleted: {projects} project(s) belong to it. Delete them or give them another customer first."));
        }
    }
}
