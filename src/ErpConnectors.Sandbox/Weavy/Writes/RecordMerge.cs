using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Writes;

/// <summary>
/// Merges the source record into the target, in one transaction: the target keeps its values and takes the
/// source's where its own are null (chosen); every visible record of any entity whose foreign key names the
/// source is re-pointed to the target; the source is deleted logically. Both must be visible (404), and differ (400).
/// </summary>
internal static class RecordMerge
{
    public static WeavyRecord Merge(Changeset changes, EntityDefinition entity, string sourceCode, string targetCode)
    {
        var source = changes.FindVisible(entity, sourceCode) ?? throw WeavyErrors.RecordNotFound(entity.Name, sourceCode);
        var target = changes.FindVisible(entity, targetCode) ?? throw WeavyErrors.RecordNotFound(entity.Name, targetCode);
        if (string.Equals(source.Code, target.Code, StringComparison.OrdinalIgnoreCase))
        {
            throw WeavyErrors.InvalidValue("targetCode", "a record cannot be merged into itself");
        }

        var filled = entity.Fields
            .Where(f => f != entity.Key && f.Name is not (FieldDefinition.ServerDate or FieldDefinition.ServerExport))
            .Where(f => target[f.Name] is null && source[f.Name] is not null)
            .ToDictionary(f => f.Name, f => source[f.Name]);
        changes.Update(entity, target.Code, filled);

        foreach (var child in WeavyDictionary.Entities)
        {
            foreach (var field in child.ForeignKeysTo(entity.Name))
            {
                var referring = changes.Records(child)
                    .Where(r => !r.Deleted && r[field.Name] is string code && string.Equals(code, source.Code, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                foreach (var record in referring)
                {
                    changes.Update(child, record.Code, new Dictionary<string, object?> { [field.Name] = target.Code });
                }
            }
        }

        changes.Delete(entity, source.Code, physical: false);
        return changes.Find(entity, target.Code)!;
    }
}
