using System.Globalization;
using ErpConnectors.Sandbox.Qics.Http;
using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>A project's CustomerId must name an existing customer (400 naming it, chosen).</summary>
internal sealed class ProjectRules : TableRules
{
    public override void CheckWrite(QicsDatabase database, Row row, long? key)
    {
        var customerId = (long)row["CustomerId"]!;
        if (database.Customers.Find(customerId) is null)
        {
            throw QicsErrors.BadRequest(string.Create(CultureInfo.InvariantCulture, $"CustomerId {customerId} does not name an existing Customer."), "CustomerId");
        }
    }
}
