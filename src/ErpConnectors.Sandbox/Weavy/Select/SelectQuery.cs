using System.Text.Json;
using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Select;

/// <summary>
/// A Select body read and checked: {"companyCode"?, "entityName", "limit", "offset", "srvExport"?,
/// "returnFields", "filterFields", "filterGroups", "sortFields"}. Chosen where the document is cut: limit
/// defaults to 1000 when absent (the documented packet size) and must be 1..1000; offset defaults to 0;
/// srvExport keeps the records with that export status; returnFields answers those fields in the order asked
/// (all fields in dictionary order when absent or empty). Logically deleted records are never selected.
/// </summary>
internal sealed record SelectQuery(
    EntityDefinition Entity,
    int Limit,
    int Offset,
    long? SrvExport,
    IReadOnlyList<FieldDefinition>? ReturnFields,
    Func<WeavyRecord, bool> Filter,
    IReadOnlyList<SortField> Sort)
{
    public const int MaxLimit = 1000;

    public static SelectQuery Read(JsonElement body)
    {
        CompanyCodes.Check(body);
        var entity = Entities.Named(body, "entityName");
        var limit = body.OptionalInteger("limit") ?? MaxLimit;
        if (limit > MaxLimit)
        {
            throw WeavyErrors.LimitExceeded("limit", (int)Math.Min(limit, int.MaxValue), MaxLimit);
        }

        if (limit < 1)
        {
            throw WeavyErrors.InvalidRequest("limit must be 1 to 1000.", "limit");
        }

        var offset = body.OptionalInteger("offset") ?? 0;
        if (offset is < 0 or > int.MaxValue)
        {
            throw WeavyErrors.InvalidRequest("offset must be 0 or more.", "offset");
        }

        var srvExport = body.OptionalInteger(FieldDefinition.ServerExport);
        var returnFields = ReadReturnFields(body, entity);
        var filter = FilterTree.Build(body, entity);
        var sort = ReadSort(body, entity);
        return new SelectQuery(entity, (int)limit, (int)offset, srvExport, returnFields, filter, sort);
    }

    /// <summary>The page: filtered, ordered (by code unless sortFields say otherwise), offset, at most limit.</summary>
    public IEnumerable<WeavyRecord> Run(IReadOnlyList<WeavyRecord> visible)
    {
        var matching = visible.Where(r => (SrvExport is not { } export || Equals(r[FieldDefinition.ServerExport], export)) && Filter(r));
        if (Sort.Count > 0)
        {
            matching = matching.Order(SortField.Comparer(Sort));
        }

        return matching.Skip(Offset).Take(Limit);
    }

    private static List<FieldDefinition>? ReadReturnFields(JsonElement body, EntityDefinition entity)
    {
        var items = body.OptionalArray("returnFields");
        if (items.Count == 0)
        {
            return null;
        }

        var fields = new List<FieldDefinition>();
        for (var i = 0; i < items.Count; i++)
        {
            var where = WeavyBody.Index("returnFields", i);
            var name = WeavyBody.ExpectObject(items[i], where).RequiredString("fieldName", where);
            var field = entity.Find(name) ?? throw WeavyErrors.UnknownField(entity, name, WeavyBody.Path(where, "fieldName"));
            if (!fields.Contains(field))
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    private static List<SortField> ReadSort(JsonElement body, EntityDefinition entity)
    {
        var items = body.OptionalArray("sortFields");
        var sort = new List<SortField>();
        for (var i = 0; i < items.Count; i++)
        {
            var where = WeavyBody.Index("sortFields", i);
            var item = WeavyBody.ExpectObject(items[i], where);
            var name = item.RequiredString("fieldName", where);
            var field = entity.Find(name) ?? throw WeavyErrors.UnknownField(entity, name, WeavyBody.Path(where, "fieldName"));
            var direction = item.OptionalString("direction", where) ?? "ASC";
            var descending = direction.ToUpperInvariant() switch
            {
                "ASC" => false,
                "DESC" => true,
                _ => throw WeavyErrors.InvalidRequest($"{where}.direction must be ASC or DESC, not '{direction}'.", WeavyBody.Path(where, "direction")),
            };
            sort.Add(new SortField(field, descending));
        }

        return sort;
    }
}
