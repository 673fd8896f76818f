using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Writes;

/// <summary>
/// An object of entity name → array, the form of datasets ({"customer":[...],"customercontact":[...]}) and of
/// delete lists ({"customer":["C1"]}), read in the order written (the document: the first entity is the main
/// one). An unknown entity, a value that is not an array, or an entity given twice is 400.
/// </summary>
internal static class EntityArrays
{
    /// <param name="where">The object's place in the body, for error details ("body", "data", "deletes").</param>
    public static List<(EntityDefinition Entity, IReadOnlyList<JsonElement> Items, string Where)> Read(JsonElement element, string where)
    {
        WeavyBody.ExpectObject(element, where);
        var read = new List<(EntityDefinition, IReadOnlyList<JsonElement>, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var at = where == "body" ? property.Name : WeavyBody.Path(where, property.Name);
            var entity = Entities.Key(property.Name, at);
            if (!seen.Add(entity.Name))
            {
                throw WeavyErrors.InvalidRequest($"{at}: the entity is given twice.", at);
            }

            read.Add((entity, [.. WeavyBody.ExpectArray(property.Value, at).EnumerateArray()], at));
        }

        return read;
    }

    /// <summary>An optional property holding such an object: empty when absent or null.</summary>
    public static List<(EntityDefinition Entity, IReadOnlyList<JsonElement> Items, string Where)> ReadOptional(JsonElement body, string name) =>
        body.TryGet(name, out var value) && value.ValueKind != JsonValueKind.Null ? Read(value, name) : [];

    /// <summary>The codes of a delete list: non-blank strings.</summary>
    public static List<string> Codes(IReadOnlyList<JsonElement> items, string where) => WeavyBody.NonBlankStrings(items, where, "a code");
}
