using System.Text.Json;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Writes;

/// <summary>
/// One export validation, {"companyCode"?,"entityName","srvExport","rows":[{"rowCode","srvDateUTC"}]}: the rows
/// whose srvDateUTC on the server still equals the one given get srvExport (srvDateUTC is not changed: an export
/// status is not a change of the data); the others are rejected with their current srvDateUTC so the client
/// reads them again. Chosen: a row with no visible record (unknown or deleted) is rejected with srvDateUTC null;
/// srvDateUTC must be in the document's format (400 otherwise); entityName, srvExport and rows are required.
/// </summary>
internal sealed record ExportValidationInput(EntityDefinition Entity, long SrvExport, IReadOnlyList<(string Code, DateTime ServerDate)> Rows)
{
    public static ExportValidationInput Read(JsonElement element, string where)
    {
        WeavyBody.ExpectObject(element, where);
        CompanyCodes.Check(element, where);
        var entity = Entities.Named(element, "entityName", where);
        var srvExport = element.OptionalInteger(FieldDefinition.ServerExport, where)
            ?? throw WeavyErrors.InvalidRequest($"{WeavyBody.Path(where, FieldDefinition.ServerExport)} is required.", WeavyBody.Path(where, FieldDefinition.ServerExport));
        var rowsWhere = WeavyBody.Path(where, "rows");
        var items = WeavyBody.ExpectArray(element.Required("rows", where), rowsWhere).EnumerateArray().ToList();
        var rows = new List<(string, DateTime)>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var at = WeavyBody.Index(rowsWhere, i);
            var row = WeavyBody.ExpectObject(items[i], at);
            var code = row.RequiredString("rowCode", at);
            var stamp = row.RequiredString(FieldDefinition.ServerDate, at);
            rows.Add(FieldValues.TryParseDateTime(stamp, out var serverDate)
                ? (code, serverDate)
                : throw WeavyErrors.InvalidValue(WeavyBody.Path(at, FieldDefinition.ServerDate), $"a date and time is written YYYY-MM-DDTHH:MM:SS, not \"{stamp}\""));
        }

        return new ExportValidationInput(entity, srvExport, rows);
    }

    /// <summary>Validates what can be; the answer {"validatedRow","rejectedRows"}.</summary>
    public object Apply(Changeset changes)
    {
        var validated = 0;
        var rejected = new List<object>();
        foreach (var (code, serverDate) in Rows)
        {
            var record = changes.FindVisible(Entity, code);
            if (record is not null && record.ServerDate == serverDate)
            {
                changes.SetExport(record, SrvExport);
                validated++;
            }
            else
            {
                rejected.Add(new { rowCode = code, srvDateUTC = record is null ? null : FieldValues.FormatDateTime(record.ServerDate) });
            }
        }

        return new { validatedRow = validated, rejectedRows = rejected };
    }
}
