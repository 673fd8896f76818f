using System.Globalization;
using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>
/// Reads typed values out of a request body the way ServiceStack.Text binds a DTO, and collects every problem
/// so one 400 lists them all. Binding is lenient like ServiceStack.Text: a number may come as a numeric string,
/// a string field takes a number's text. A property that is absent or null means "not given" (Jiwa's PATCH
/// DTOs have nullable properties and leave a null one unchanged).
/// </summary>
internal sealed class JiwaInput(string requestName)
{
    private readonly List<JiwaFieldError> _bindingErrors = [];
    private readonly List<JiwaFieldError> _validationErrors = [];

    /// <summary>The value of a property that was given (present and not null).</summary>
    public static bool Given(JsonElement body, string name, out JsonElement value) =>
        body.TryGet(name, out value) && value.ValueKind != JsonValueKind.Null;

    public void Fail(JiwaFieldError error) => _validationErrors.Add(error);

    /// <summary>
    /// Binding errors first (ServiceStack fails to build the DTO before it validates), then validation errors.
    /// </summary>
    public void ThrowIfInvalid()
    {
        if (_bindingErrors.Count > 0)
        {
            throw JiwaErrors.Binding(requestName, _bindingErrors);
        }

        if (_validationErrors.Count > 0)
        {
            throw JiwaErrors.Validation(_validationErrors);
        }
    }

    public string? Text(JsonElement body, string name, string? field = null)
    {
        if (!Given(body, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetRawText();
        }

        Bad(field ?? name, value, "a string is expected");
        return null;
    }

    public decimal? Decimal(JsonElement body, string name, string? field = null)
    {
        if (!Given(body, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String
            && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        Bad(field ?? name, value, "a number is expected");
        return null;
    }

    public bool? Bool(JsonElement body, string name, string? field = null)
    {
        if (!Given(body, name, out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        if (value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out var parsed))
        {
            return parsed;
        }

        Bad(field ?? name, value, "true or false is expected");
        return null;
    }

    public DateTime? Date(JsonElement body, string name)
    {
        if (!Given(body, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && JiwaDateTimeConverter.TryParse(value.GetString(), out var date))
        {
            return date;
        }

        Bad(name, value, "an ISO 8601 date is expected");
        return null;
    }

    /// <summary>A text that must be one of <paramref name="allowed"/> (case-insensitive); answers the allowed spelling.</summary>
    public string? OneOf(JsonElement body, string name, IReadOnlyList<string> allowed)
    {
        var text = Text(body, name);
        if (text is null)
        {
            return null;
        }

        var match = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            _bindingErrors.Add(JiwaErrors.BadValue(name, text, $"one of {string.Join(", ", allowed)} is expected"));
        }

        return match;
    }

    /// <summary>The objects of an array property; absent or null = none; anything else is a binding error.</summary>
    public IReadOnlyList<JsonElement> Objects(JsonElement body, string name)
    {
        if (!Given(body, name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Bad(name, value, "an array is expected");
            return [];
        }

        var items = value.EnumerateArray().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ValueKind != JsonValueKind.Object)
            {
                Bad(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]"), items[i], "an object is expected");
            }
        }

        return items;
    }

    private void Bad(string field, JsonElement value, string expected) =>
        _bindingErrors.Add(JiwaErrors.BadValue(field, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), expected));
}
