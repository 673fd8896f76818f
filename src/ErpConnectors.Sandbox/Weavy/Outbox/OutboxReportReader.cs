using System.Globalization;
using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Outbox;

/// <summary>
/// Reads a report outbox request with the document's fields: baseOutbox_ID, confreport_ID, rowID, sourceEntity,
/// baseUser_ID (required); fromArchive, print, messageSubject, messageBody, filename, pathExport, isBodyHtml,
/// replyto, emailto, attachments [{entity, dataColumn, rowID, name, mimeType}] (optional). Chosen checks, so a
/// mistake shows at once rather than in a report that never comes: eventActionCode must be given; sourceEntity
/// and each attachment's entity must exist, rowID must be a visible record of sourceEntity, baseUser_ID a
/// visible baseuser, dataColumn a field of its entity; fromArchive is 0, 1 or 2 and print a count ≥ 0 (numbers
/// or their digits); isBodyHtml is 1/0 (number or text, the document's '1') or true/false; replyto and emailto
/// are an array of addresses or one text of addresses separated by ';' or ','.
/// </summary>
internal static class OutboxReportReader
{
    public static WeavyOutboxReport Read(HttpContext context, JsonElement body, WeavyDatabase database, DateTimeOffset now)
    {
        var eventActionCode = context.Request.Query["eventActionCode"].ToString();
        if (string.IsNullOrWhiteSpace(eventActionCode))
        {
            throw WeavyErrors.InvalidRequest("The query parameter eventActionCode is required.", "eventActionCode");
        }

        WeavyBody.ExpectObject(body, "body");
        var sourceEntity = Entities.Named(body, "sourceEntity");
        var rowId = body.RequiredString("rowID");
        if (database.FindVisible(sourceEntity, rowId) is null)
        {
            throw WeavyErrors.InvalidValue("rowID", $"no {sourceEntity.Name} has the code '{rowId}'");
        }

        var baseUser = body.RequiredString("baseUser_ID");
        if (database.FindVisible(WeavyDictionary.BaseUserEntity, baseUser) is null)
        {
            throw WeavyErrors.InvalidValue("baseUser_ID", $"no baseuser has the code '{baseUser}'");
        }

        return new WeavyOutboxReport(
            eventActionCode,
            body.RequiredString("baseOutbox_ID"),
            body.RequiredString("confreport_ID"),
            rowId,
            sourceEntity.Name,
            baseUser,
            Number(body, "fromArchive", 0, 2),
            Number(body, "print", 0, int.MaxValue),
            body.OptionalString("messageSubject"),
            body.OptionalString("messageBody"),
            body.OptionalString("filename"),
            body.OptionalString("pathExport"),
            Flag(body, "isBodyHtml"),
            Addresses(body, "replyto"),
            Addresses(body, "emailto"),
            [.. body.OptionalArray("attachments").Select((a, i) => Attachment(a, WeavyBody.Index("attachments", i)))],
            now,
            body.GetRawText());
    }

    private static WeavyOutboxAttachment Attachment(JsonElement element, string where)
    {
        WeavyBody.ExpectObject(element, where);
        var entity = Entities.Named(element, "entity", where);
        var column = element.RequiredString("dataColumn", where);
        _ = entity.Find(column) ?? throw WeavyErrors.UnknownField(entity, column, WeavyBody.Path(where, "dataColumn"));
        return new WeavyOutboxAttachment(entity.Name, column, element.RequiredString("rowID", where), element.RequiredString("name", where), element.RequiredString("mimeType", where));
    }

    private static int? Number(JsonElement body, string name, int min, int max)
    {
        if (!body.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return ((value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
                || (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number)))
            && number >= min && number <= max
            ? number
            : throw WeavyErrors.InvalidValue(name, string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}, not {value.GetRawText()}"));
    }

    private static bool Flag(JsonElement body, string name)
    {
        if (!body.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Number(body, name, 0, 1) == 1,
        };
    }

    private static List<string> Addresses(JsonElement body, string name)
    {
        if (!body.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.String
            ? [.. value.GetString()!.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : WeavyBody.NonBlankStrings(WeavyBody.ExpectArray(value, name).EnumerateArray(), name, "an address");
    }
}
