using System.Globalization;
using ErpConnectors.Sandbox.Jiwa.Http;

namespace ErpConnectors.Sandbox.Jiwa.AutoQuery;

/// <summary>
/// Query values parsed by their column's type (bool true/false, invariant numbers, ISO dates) and compared as
/// SQL Server would: strings case-insensitively (Jiwa's collation is case-insensitive), null before any value.
/// </summary>
internal static class FieldValues
{
    public static bool TryParse(Type type, string text, out object? value)
    {
        value = null;
        if (type == typeof(string))
        {
            value = text;
        }
        else if (type == typeof(bool) && bool.TryParse(text, out var flag))
        {
            value = flag;
        }
        else if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
        }
        else if (type == typeof(long) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var big))
        {
            value = big;
        }
        else if (type == typeof(decimal) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            value = amount;
        }
        else if (type == typeof(DateTime) && JiwaDateTimeConverter.TryParse(text, out var date))
        {
            value = date;
        }

        return value is not null;
    }

    public static string Expected(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(DateTime) ? "an ISO 8601 date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)"
        : type == typeof(string) ? "text"
        : "a number";
}
