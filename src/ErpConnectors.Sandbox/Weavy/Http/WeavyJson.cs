using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>
/// JSON answers: property names exactly as written (the contract's names), nulls written out (a record is
/// "described by the exhaustive list of its fields"), characters such as 'é' and '+' unescaped.
/// </summary>
internal static class WeavyJson
{
    public const string ContentType = ExactJson.ContentType;

    public static readonly JsonSerializerOptions Options = ExactJson.Options;

    public static IResult Answer(object value, int statusCode = StatusCodes.Status200OK) => ExactJson.Answer(value, statusCode);

    /// <summary>A record on the wire: the given fields in the order given, or every field in dictionary order.</summary>
    public static OrderedDictionary<string, object?> Record(WeavyRecord record, IReadOnlyList<FieldDefinition>? fields = null)
    {
        var wire = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in fields ?? record.Entity.Fields)
        {
            wire[field.Name] = FieldValues.ToWire(record[field.Name]);
        }

        return wire;
    }
}
