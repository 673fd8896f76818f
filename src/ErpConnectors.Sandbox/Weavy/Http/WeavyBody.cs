using System.Globalization;
using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>
/// Reading request bodies: the document asks for Content-Type application/json (anything else is 415), the
/// body must be valid JSON of the expected kind (400). Envelope properties ("entityName", "limit"...) match
/// ignoring case like any ASP.NET server (<see cref="JsonBody.TryGet"/>); record field names do not (see
/// <c>RowInput</c>). <c>where</c> names the place in the body for the error's details ("rows[3]").
/// </summary>
internal static class WeavyBody
{
    public static Task<JsonElement> ReadAsync(HttpContext context) => JsonBody.ReadAsync(
        context,
        WeavyErrors.UnsupportedMediaType,
        problem => WeavyErrors.InvalidRequest($"The request body is not valid JSON: {problem}"));

    public static async Task<JsonElement> ReadObjectAsync(HttpContext context) =>
        ExpectObject(await ReadAsync(context).ConfigureAwait(false), "body");

    public static async Task<JsonElement> ReadArrayAsync(HttpContext context) =>
        ExpectArray(await ReadAsync(context).ConfigureAwait(false), "body");

    public static JsonElement ExpectObject(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.Object ? element : throw WeavyErrors.InvalidRequest($"{where} must be a JSON object.", where);

    public static JsonElement ExpectArray(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.Array ? element : throw WeavyErrors.InvalidRequest($"{where} must be a JSON array.", where);

    /// <summary>A property that must be there and not null.</summary>
    public static JsonElement Required(this JsonElement body, string name, string where = "") =>
        body.TryGet(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw WeavyErrors.InvalidRequest($"{Path(where, name)} is required.", Path(where, name));

    public static string RequiredString(this JsonElement body, string name, string where = "") =>
        String(body.Required(name, where), Path(where, name)) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw WeavyErrors.InvalidRequest($"{Path(where, name)} must not be empty.", Path(where, name));

    public static string? OptionalString(this JsonElement body, string name, string where = "") =>
        body.TryGet(name, out var value) && value.ValueKind != JsonValueKind.Null ? String(value, Path(where, name)) : null;

    public static long? OptionalInteger(this JsonElement body, string name, string where = "")
    {
        if (!body.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw WeavyErrors.InvalidRequest($"{Path(where, name)} must be a whole number, not {value.GetRawText()}.", Path(where, name));
    }

    public static bool OptionalBoolean(this JsonElement body, string name, string where = "")
    {
        if (!body.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw WeavyErrors.InvalidRequest($"{Path(where, name)} must be true or false, not {value.GetRawText()}.", Path(where, name));
    }

    /// <summary>An optional array property: empty when absent or null.</summary>
    public static IReadOnlyList<JsonElement> OptionalArray(this JsonElement body, string name, string where = "") =>
        body.TryGet(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? [.. ExpectArray(value, Path(where, name)).EnumerateArray()]
            : [];

    /// <summary>Items that must each be a non-blank string (codes); <paramref name="what"/> names them in the error.</summary>
    public static List<string> NonBlankStrings(IEnumerable<JsonElement> items, string where, string what) =>
        [.. items.Select((item, i) => item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString())
            ? item.GetString()!
            : throw WeavyErrors.InvalidValue(Index(where, i), $"{what} is a non-empty string, not {item.GetRawText()}"))];

    public static string Path(string where, string name) => where.Length == 0 ? name : $"{where}.{name}";

    public static string Index(string where, int index) => string.Create(CultureInfo.InvariantCulture, $"{where}[{index}]");

    private static string String(JsonElement value, string where) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw WeavyErrors.InvalidRequest($"{where} must be a string, not {value.GetRawText()}.", where);
}
