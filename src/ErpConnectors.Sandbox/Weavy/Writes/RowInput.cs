using System.Text.Json;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Writes;

/// <summary>
/// One record as a write sends it: the fields it gives, read as their types. Field names are exact (an
/// unknown one, or a case-only mistake, is 400 naming it: chosen, so a typo never silently writes nothing).
/// srvDateUTC is the server's and is ignored when sent (chosen, so a record read and sent back is accepted);
/// srvExport may be written (an integration marks what it imported as already exported).
/// </summary>
internal sealed class RowInput
{
    private RowInput(EntityDefinition entity, string? code, IReadOnlyDictionary<string, object?> values)
    {
        Entity = entity;
        Code = code;
        Values = values;
    }

    public EntityDefinition Entity { get; }

    /// <summary>The &lt;entity&gt;_ID given, or null.</summary>
    public string? Code { get; }

    /// <summary>The fields given, key and srvDateUTC left out.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <param name="where">The row's place for error details ("rows[3]", "customer[0]", "body").</param>
    /// <param name="requireCode">The row must carry its code (imports and creation match on it).</param>
    public static RowInput Read(JsonElement element, EntityDefinition entity, string where, bool requireCode)
    {
        WeavyBody.ExpectObject(element, where);
        string? code = null;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = WeavyBody.Path(where, property.Name);
            var field = entity.Find(property.Name) ?? throw WeavyErrors.UnknownField(entity, property.Name, at);
            if (field.IsServerSet)
            {
                continue;
            }

            if (!FieldValues.TryRead(property.Value, field, out var value, out var problem))
            {
                throw WeavyErrors.InvalidValue(at, problem);
            }

            if (field == entity.Key)
            {
                code = value as string;
                if (string.IsNullOrWhiteSpace(code))
                {
                    throw WeavyErrors.InvalidValue(at, "the code must not be empty");
                }

                continue;
            }

            if (field.Name == FieldDefinition.ServerExport && value is null)
            {
                throw WeavyErrors.InvalidValue(at, "the export status is a number (0 = not exported), not null");
            }

            values[field.Name] = value;
        }

        if (requireCode && code is null)
        {
            throw WeavyErrors.InvalidValue(WeavyBody.Path(where, entity.KeyName), $"the record's code ({entity.KeyName}) is required");
        }

        return new RowInput(entity, code, values);
    }

    /// <summary>A row built by the server itself (relations, merges, accounts).</summary>
    public static RowInput Of(EntityDefinition entity, string code, IReadOnlyDictionary<string, object?> values) => new(entity, code, values);
}
