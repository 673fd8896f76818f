using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa;

/// <summary>
/// Turns -Filter, -OrderBy and -Descending into AutoQuery query parameters. A filter key is a field name with an
/// optional AutoQuery suffix (Name, NameStartsWith, AccountNoIn, LastSavedDateTimeGreaterThan); an array value
/// becomes a comma-separated list (what the In suffix takes). Values are culture-invariant.
/// </summary>
internal static class JiwaQuery
{
    // Paging and shaping belong to the cmdlet's own parameters; as filter keys they would break paging.
    private static readonly string[] Reserved = { "Skip", "Take", "Include", "OrderBy", "OrderByDesc", "format" };

    /// <summary>Adds the filters; returns an error (naming the offending key) instead of sending a bad query.</summary>
    public static ErrorRecord? AddFilter(ApiRequest request, IDictionary? filter)
    {
        if (filter is null)
        {
            return null;
        }

        foreach (DictionaryEntry entry in filter)
        {
            string key = Convert.ToString(PSObject.AsPSObject(entry.Key).BaseObject, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
            if (key.Length == 0 || key.Any(c => !char.IsLetterOrDigit(c) && c != '_'))
            {
                return ErrorMapper.InvalidArgument("Jiwa.InvalidFilterKey", $"'{key}' is not an AutoQuery field name (letters, digits and underscores, e.g. NameStartsWith).", entry.Key);
            }

            if (Reserved.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                return ErrorMapper.InvalidArgument("Jiwa.ReservedFilterKey", $"'{key}' cannot be a filter: use -First/-Skip, -PageSize, -OrderBy and -Descending instead.", entry.Key);
            }

            request.Add(key, Format(entry.Value));
        }

        return null;
    }

    /// <summary>
    /// An AutoQuery "any of" filter (DebtorIDIn=1,2,3), which may be split into several requests when long. Not
    /// NotIn: the rows outside one part of a list are not the rows outside all of it.
    /// </summary>
    public static bool IsInList(string key) =>
        key.EndsWith("In", StringComparison.Ordinal) && !key.EndsWith("NotIn", StringComparison.Ordinal);

    public static void AddOrder(ApiRequest request, string[]? orderBy, bool descending)
    {
        if (orderBy is { Length: > 0 })
        {
            request.Set(descending ? "OrderByDesc" : "OrderBy", string.Join(",", orderBy));
        }
    }

    /// <summary>Jiwa stores local server times without an offset: dates go as typed, to the second.</summary>
    public static string Format(object? value)
    {
        object? bare = value is null ? null : PSObject.AsPSObject(value).BaseObject;
        return bare switch
        {
            null => string.Empty,
            string s => s,
            DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            DateTimeOffset moment => moment.DateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            IEnumerable items => string.Join(",", items.Cast<object?>().Select(Format)),
            _ => ApiRequest.Format(bare),
        };
    }
}
