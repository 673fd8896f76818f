using System.Globalization;
using ErpConnectors.Sandbox.Microbizz.Data;
using ErpConnectors.Sandbox.Microbizz.Http;

namespace ErpConnectors.Sandbox.Microbizz.Endpoints;

/// <summary>
/// The filters of a list: query parameters named like the fields, each an equality (strings ignoring case,
/// numbers and booleans exactly; true/false or 1/0). Chosen: an empty value matches null; a parameter that is
/// not a field, or a file or related_object field, is 400 (rather than silently ignored, which would answer
/// the whole list); a parameter given twice is 400. access_token and include_binary_data are not filters.
/// </summary>
internal sealed class ListFilter
{
    private readonly List<(string Field, object? Value)> _conditions = [];

    public static ListFilter Parse(ObjectDefinition definition, IQueryCollection query)
    {
        var filter = new ListFilter();
        foreach (var (name, values) in query)
        {
            if (name is MicrobizzGatewayMiddleware.TokenName or ObjectEndpoint.IncludeBinaryData)
            {
                continue;
            }

            var field = definition.Field(name);
            if (field is null || field.Type is FieldType.File or FieldType.RelatedObject)
            {
                throw MicrobizzErrors.BadRequest($"'{name}' is not a field '{definition.Name}' can be filtered on (fields: {string.Join(", ", definition.Fields.Where(f => f.Type is not (FieldType.File or FieldType.RelatedObject)).Select(f => f.Name))}).");
            }

            if (values.Count != 1)
            {
                throw MicrobizzErrors.BadRequest($"The filter '{name}' is given {values.Count} times: give it once.");
            }

            filter._conditions.Add((field.Name, Value(field, values.ToString())));
        }

        return filter;
    }

    public bool Matches(IReadOnlyDictionary<string, object?> row)
    {
        foreach (var (field, wanted) in _conditions)
        {
            var value = row.GetValueOrDefault(field);
            var same = (wanted, value) switch
            {
                (null, null) => true,
                (null, string text) => text.Length == 0,
                (string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase),
                _ => Equals(wanted, value),
            };
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    private static object? Value(FieldDefinition field, string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        switch (field.Type)
        {
            case FieldType.Key or FieldType.Reference:
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                    ? id
                    : throw MicrobizzErrors.BadRequest($"The filter '{field.Name}' takes a whole number, not '{text}'.");
            case FieldType.Boolean:
                return text.ToUpperInvariant() switch
                {
                    "1" or "TRUE" => true,
                    "0" or "FALSE" => false,
                    _ => throw MicrobizzErrors.BadRequest($"The filter '{field.Name}' takes true/false or 1/0, not '{text}'."),
                };
            case FieldType.Decimal:
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw MicrobizzErrors.BadRequest($"The filter '{field.Name}' takes a number, not '{text}'.");
            default:
                return text;
        }
    }
}
