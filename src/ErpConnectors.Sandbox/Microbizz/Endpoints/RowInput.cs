using System.Globalization;
using System.Text.Json;
using ErpConnectors.Sandbox.Microbizz.Data;
using ErpConnectors.Sandbox.Microbizz.Http;

namespace ErpConnectors.Sandbox.Microbizz.Endpoints;

/// <summary>A file field's {"action":"add",...}, its content decoded.</summary>
internal sealed record FileUpload(string FileName, string MimeType, byte[] Content);

/// <summary>A file field's {"action":"remove"}.</summary>
internal sealed record FileRemoval
{
    public static readonly FileRemoval Instance = new();
}

/// <summary>
/// The fields of a POST body, checked before anything is written (a refused body changes nothing). Only the
/// fields given change ("fields which are omitted are considered to be left as they are"). Chosen, where the
/// document is silent: names match exactly; a name that is not a field of the object is 400 (a real PHP server
/// might ignore it; refusing it catches a misspelt field); values must have the field's JSON type (booleans
/// also as 0/1); a reference must name an existing object; the key may be sent on an update only with the
/// route's id, never on a create; server-set fields (created) are refused.
/// </summary>
internal sealed class RowInput
{
    private readonly List<(FieldDefinition Field, object? Value)> _values = [];

    public IEnumerable<string> FieldNames => _values.Select(v => v.Field.Name);

    public static RowInput Parse(ObjectDefinition definition, JsonElement body, long? routeId, MicrobizzDatabase database)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw MicrobizzErrors.BadRequest($"The body must be a JSON object of {definition.Name} fields.");
        }

        var input = new RowInput();
        foreach (var property in body.EnumerateObject())
        {
            var field = definition.Field(property.Name)
                ?? throw MicrobizzErrors.BadRequest($"'{property.Name}' is not a field of {definition.Name} (fields: {string.Join(", ", definition.Fields.Select(f => f.Name))}).");
            if (field.ReadOnly)
            {
                throw MicrobizzErrors.BadRequest($"'{field.Name}' is set by the server and cannot be written.");
            }

            if (field.Type == FieldType.Key)
            {
                if (routeId is null || !property.Value.TryGetInt64(out var key) || key != routeId)
                {
                    throw MicrobizzErrors.BadRequest(routeId is null
                        ? $"'{field.Name}' is assigned by the server: leave it out of a create."
                        : $"'{field.Name}' in the body must be the id in the URL ({routeId}).");
                }

                continue;
            }

            input._values.Add((field, Read(field, property.Value, database)));
        }

        return input;
    }

    /// <summary>
    /// Writes the values into the row; a file added is stored (its id goes into the field) and a file replaced
    /// or removed is dropped.
    /// </summary>
    public void ApplyTo(Dictionary<string, object?> row, FileStore files)
    {
        foreach (var (field, value) in _values)
        {
            if (field.Type == FieldType.File)
            {
                if (row.GetValueOrDefault(field.Name) is long previous)
                {
                    files.Remove(previous);
                }

                row[field.Name] = value is FileUpload upload ? files.Add(upload.FileName, upload.MimeType, upload.Content).Id : null;
            }
            else
            {
                row[field.Name] = value;
            }
        }
    }

    /// <summary>Required fields a create must give (not null).</summary>
    public void CheckRequired(ObjectDefinition definition)
    {
        var given = _values.Where(v => v.Value is not null).Select(v => v.Field.Name).ToHashSet(StringComparer.Ordinal);
        var missing = definition.Fields.Where(f => f.Required && !given.Contains(f.Name)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            throw MicrobizzErrors.BadRequest($"A new {definition.Name} needs {string.Join(", ", missing)}.");
        }
    }

    private static object? Read(FieldDefinition field, JsonElement value, MicrobizzDatabase database)
    {
        if (value.ValueKind == JsonValueKind.Null && field.Type != FieldType.File)
        {
            return null;
        }

        switch (field.Type)
        {
            case FieldType.Text when value.ValueKind == JsonValueKind.String:
                return value.GetString();
            case FieldType.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                return value.GetBoolean();
            case FieldType.Boolean when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var bit) && bit is 0 or 1:
                return bit == 1;
            case FieldType.Decimal when value.ValueKind == JsonValueKind.Number:
                return value.GetDecimal();
            case FieldType.DateTime when value.ValueKind == JsonValueKind.String:
                return DateTime.TryParseExact(value.GetString(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? value.GetString()
                    : throw MicrobizzErrors.BadRequest($"'{field.Name}' takes a time as \"YYYY-MM-DD HH:MM:SS\", not '{value.GetString()}'.");
            case FieldType.Reference when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var id):
                return database.Table(field.References!).Exists(id)
                    ? id
                    : throw MicrobizzErrors.BadRequest($"'{field.Name}': there is no {field.References} {id}.");
            case FieldType.RelatedObject when value.ValueKind == JsonValueKind.Object:
                return ReadRelatedObject(field, value);
            case FieldType.File:
                return ReadFile(field, value);
            default:
                throw MicrobizzErrors.BadRequest($"'{field.Name}' takes {Describe(field.Type)}, not {value.ValueKind.ToString().ToLowerInvariant()} {value.GetRawText()}.");
        }
    }

    private static RelatedObject ReadRelatedObject(FieldDefinition field, JsonElement value)
    {
        if (value.TryGetProperty("object", out var name) && name.ValueKind == JsonValueKind.String
            && MicrobizzObjects.Find(name.GetString()) is { Kind: ObjectKind.Collection } target
            && value.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var number))
        {
            return new RelatedObject(target.Name, number);
        }

        throw MicrobizzErrors.BadRequest($"'{field.Name}' takes null or {{\"object\":<object name>,\"id\":<number>}}.");
    }

    private static object ReadFile(FieldDefinition field, JsonElement value)
    {
        var action = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        switch (action)
        {
            case "remove":
                return FileRemoval.Instance;
            case "add":
                var fileName = Text(value, "filename");
                var mimeType = Text(value, "mimetype");
                var binary = value.TryGetProperty("binary", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : null;
                if (fileName is null || mimeType is null || binary is null)
                {
                    throw MicrobizzErrors.BadRequest($"'{field.Name}': adding a file needs filename, mimetype and binary (base64), all strings.");
                }

                var buffer = new byte[binary.Length * 3 / 4 + 3];
                return Convert.TryFromBase64String(binary, buffer, out var written)
                    ? new FileUpload(fileName, mimeType, buffer[..written])
                    : throw MicrobizzErrors.BadRequest($"'{field.Name}': binary is not valid base64.");
            default:
                throw MicrobizzErrors.BadRequest($"'{field.Name}' is a file field: send {{\"action\":\"add\",\"filename\",\"mimetype\",\"binary\":<base64>}} or {{\"action\":\"remove\"}}.");
        }
    }

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String && text.GetString() is { Length: > 0 } s ? s : null;

    private static string Describe(FieldType type) => type switch
    {
        FieldType.Text => "a string",
        FieldType.Boolean => "true or false",
        FieldType.Decimal => "a number",
        FieldType.DateTime => "a time \"YYYY-MM-DD HH:MM:SS\"",
        FieldType.Reference => "an object id (a whole number)",
        _ => type.ToString(),
    };
}
