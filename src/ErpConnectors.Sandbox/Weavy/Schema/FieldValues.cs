using System.Globalization;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Weavy.Schema;

/// <summary>
/// The document's data formats, read and written: booleans true/false, integers as such, date-times
/// YYYY-MM-DDTHH:MM:SS (no fraction, no offset; UTC for the srv fields), decimals with a dot. Held in memory
/// as string, long, decimal, bool and DateTime (Kind Unspecified).
/// Reading is chosen as strict as the formats and no stricter: a JSON number or its text form with a dot for a
/// decimal ("69.33"; "69,33" is refused), a whole number or its digits for an integer, true/false or "true"/"false"
/// for a boolean (nothing else: not 1, "True" or "yes"), a string for text. null is null for every type.
/// A date-time is also read as "YYYY-MM-DD HH:MM:SS", the form the production integration sends in filters and
/// writes (Webmecanik/mautic, MauticDivaltoBundle); answers always use the document's form.
/// </summary>
internal static class FieldValues
{
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Reads a JSON value as the field's type; false with the reason when it is not in the type's format.</summary>
    public static bool TryRead(JsonElement json, FieldDefinition field, out object? value, out string problem)
    {
        value = null;
        problem = string.Empty;
        if (json.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        switch (field.Type)
        {
            case FieldType.Text or FieldType.ForeignKey:
                if (json.ValueKind != JsonValueKind.String)
                {
                    problem = $"a text is a JSON string, not {Describe(json)}";
                    return false;
                }

                var text = json.GetString()!;
                if (field.Length is { } length && text.Length > length)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"the text is {text.Length} characters long, the field holds {length} at most");
                    return false;
                }

                value = text;
                return true;

            case FieldType.Integer:
                if ((json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var whole))
                    || (json.ValueKind == JsonValueKind.String && long.TryParse(json.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out whole)))
                {
                    value = whole;
                    return true;
                }

                problem = $"an integer is a whole number, not {Describe(json)}";
                return false;

            case FieldType.Decimal:
                if ((json.ValueKind == JsonValueKind.Number && json.TryGetDecimal(out var number))
                    || (json.ValueKind == JsonValueKind.String && TryParseDecimal(json.GetString()!, out number)))
                {
                    value = number;
                    return true;
                }

                problem = json.ValueKind == JsonValueKind.String && json.GetString()!.Contains(',', StringComparison.Ordinal)
                    ? $"a decimal takes a dot as its separator (69.33), not {Describe(json)}"
                    : $"a decimal is a number with a dot as its separator (69.33), not {Describe(json)}";
                return false;

            case FieldType.Boolean:
                if (json.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    value = json.GetBoolean();
                    return true;
                }

                if (json.ValueKind == JsonValueKind.String && json.GetString() is "true" or "false")
                {
                    value = json.GetString() == "true";
                    return true;
                }

                problem = $"a boolean is true or false, not {Describe(json)}";
                return false;

            case FieldType.DateTime:
                if (json.ValueKind == JsonValueKind.String && TryParseDateTime(json.GetString()!, out var when))
                {
                    value = when;
                    return true;
                }

                problem = $"a date and time is written YYYY-MM-DDTHH:MM:SS (2016-12-05T08:33:33), not {Describe(json)}";
                return false;

            default:
                throw new InvalidOperationException($"No reading for {field.Type}.");
        }
    }

    /// <summary>The integration's form of a date-time, read as well as the document's.</summary>
    public const string SpacedDateTimeFormat = "yyyy-MM-dd HH:mm:ss";

    public static bool TryParseDateTime(string text, out DateTime value) =>
        DateTime.TryParseExact(text, [DateTimeFormat, SpacedDateTimeFormat], CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static string FormatDateTime(DateTime value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A value as the wire carries it: date-times become their text, the rest are JSON-ready.</summary>
    public static object? ToWire(object? value) => value is DateTime when ? FormatDateTime(when) : value;

    private static bool TryParseDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static string Describe(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => $"\"{json.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => json.GetRawText(),
    };
}
