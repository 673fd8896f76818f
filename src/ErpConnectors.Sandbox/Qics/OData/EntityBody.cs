using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Qics.Http;

namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// A JSON entity sent with POST, PUT or PATCH, checked against the entity type: property names exact (as
/// OData reads them), each value of its property's type, annotations (@odata.type, Name@odata.type) ignored,
/// server-computed properties ignored (OData's Core.Computed), an unknown property refused. The key may be
/// sent only with the value the URL names (or 0 / absent on POST: the server assigns it).
/// </summary>
internal sealed partial class EntityBody
{
    private EntityBody(EntitySchema schema, Dictionary<string, object?> values, long? key)
    {
        Schema = schema;
        Values = values;
        Key = key;
    }

    public EntitySchema Schema { get; }

    /// <summary>The writable properties the body holds.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>The key property's value when the body holds it.</summary>
    public long? Key { get; }

    public static async Task<EntityBody> ReadAsync(HttpContext context, EntitySchema schema)
    {
        var contentType = context.Request.ContentType;
        if (!MediaTypes.IsJson(contentType))
        {
            throw QicsErrors.UnsupportedMediaType(contentType);
        }

        JsonElement root;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw QicsErrors.BadRequest($"The request body is not valid JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw QicsErrors.BadRequest($"The request body must be a JSON object (a {schema.QualifiedName}), not a JSON {root.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        long? key = null;
        foreach (var member in root.EnumerateObject())
        {
            if (member.Name.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var property = schema.Resolve(member.Name, member.Name);
            var value = Convert(property, member.Value);
            if (property == schema.Key)
            {
                key = (long?)value;
            }
            else if (!property.Computed)
            {
                values[property.Name] = value;
            }
        }

        return new EntityBody(schema, values, key);
    }

    /// <summary>For POST and PUT: a body that leaves out a required property is refused.</summary>
    public void CheckRequired()
    {
        if (Schema.Properties.FirstOrDefault(p => p.Required && !(p == Schema.Key ? Key is not null : Values.ContainsKey(p.Name))) is { } missing)
        {
            throw QicsErrors.BadRequest($"The property '{missing.Name}' is required.", missing.Name);
        }
    }

    /// <summary>The key in the body must be absent or <paramref name="expected"/> (for POST: 0).</summary>
    public void CheckKey(long expected)
    {
        if (Key is { } sent && sent != expected)
        {
            var message = expected == 0
                ? $"{Schema.Key.Name} is assigned by the server: leave it out of a POST (or send 0)."
                : string.Create(CultureInfo.InvariantCulture, $"{Schema.Key.Name} {sent} in the body does not match the key {expected} in the URL.");
            throw QicsErrors.BadRequest(message, Schema.Key.Name);
        }
    }

    /// <summary>The row with the body's values laid over it.</summary>
    public Row ApplyTo(Row row) => new(row.Values.Where(v => !Values.ContainsKey(v.Key)).Concat(Values));

    private static object? Convert(EdmProperty property, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return property.Nullable || property.Computed
                ? null
                : throw QicsErrors.BadRequest($"The property '{property.Name}' cannot be null.", property.Name);
        }

        object? converted = (property.Type, value.ValueKind) switch
        {
            (EdmType.String, JsonValueKind.String) => value.GetString(),
            (EdmType.Boolean, JsonValueKind.True or JsonValueKind.False) => value.GetBoolean(),
            (EdmType.Int64, JsonValueKind.Number) when value.TryGetInt64(out var integer) => integer,
            (EdmType.Decimal, JsonValueKind.Number) when value.TryGetDecimal(out var number) => number,
            (EdmType.DateTimeOffset, JsonValueKind.String) => Timestamp(value.GetString()!),
            _ => null,
        };
        return converted ?? throw QicsErrors.BadRequest(
            $"The value {value.GetRawText()} of property '{property.Name}' is not a valid {EdmTypeNames.Name(property.Type)}{TypeHint(property.Type)}.",
            property.Name);
    }

    private static string TypeHint(EdmType type) => type switch
    {
        EdmType.Int64 => " (a whole JSON number)",
        EdmType.Decimal => " (a JSON number)",
        EdmType.Boolean => " (true or false)",
        EdmType.DateTimeOffset => " (an ISO 8601 string with an offset, such as 2024-03-01T09:30:00+01:00)",
        _ => " (a JSON string)",
    };

    /// <summary>ISO 8601 with an offset; a timestamp without one is refused rather than guessed.</summary>
    private static DateTimeOffset? Timestamp(string text) =>
        TimestampPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : null;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}
