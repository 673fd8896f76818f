using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;

namespace ErpConnectors.Weavy;

/// <summary>
/// Values in the formats the Weavy document prescribes, whatever the session's culture: booleans true/false,
/// date-times YYYY-MM-DDTHH:MM:SS, decimals with a dot (JSON numbers), binary as Base64. Rows come as hashtables,
/// Import-Csv rows or Select-Object shapes; their properties become an ordered dictionary of such values.
/// </summary>
internal static class WeavyValues
{
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static object? Normalize(object? value)
    {
        object? bare = value is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : value;
        return bare switch
        {
            DateTime time => time.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
            DateTimeOffset moment => moment.UtcDateTime.ToString(DateTimeFormat, CultureInfo.InvariantCulture),
            float f => (double)f,
            byte[] => bare, // written as Base64 by the JSON writer
            string => bare,
            IDictionary dictionary => Row(dictionary),
            PSObject row => Row(row),
            IEnumerable items => Array(items),
            _ => bare,
        };
    }

    /// <summary>A row's properties in order, values normalized.</summary>
    public static OrderedDictionary Row(object? row)
    {
        var result = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        object? bare = row is PSObject wrapped ? wrapped.BaseObject : row;
        if (bare is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = Normalize(entry.Value);
            }

            return result;
        }

        if (row is not null)
        {
            foreach (PSPropertyInfo property in PSObject.AsPSObject(row).Properties)
            {
                if (property.IsGettable && property.MemberType is PSMemberTypes.NoteProperty or PSMemberTypes.Property or PSMemberTypes.AliasProperty or PSMemberTypes.ScriptProperty)
                {
                    result[property.Name] = Normalize(property.Value);
                }
            }
        }

        return result;
    }

    private static object?[] Array(IEnumerable items)
    {
        var list = new System.Collections.Generic.List<object?>();
        foreach (object? item in items)
        {
            list.Add(Normalize(item));
        }

        return list.ToArray();
    }

    /// <summary>The row's code ({entity}_ID), or null when it has none (such a row is never sent).</summary>
    public static string? CodeOf(OrderedDictionary row, string entity)
    {
        string field = WeavyApi.CodeField(entity);
        foreach (DictionaryEntry entry in row)
        {
            if (string.Equals((string)entry.Key, field, StringComparison.OrdinalIgnoreCase))
            {
                string? code = Convert.ToString(entry.Value, CultureInfo.InvariantCulture);
                return string.IsNullOrWhiteSpace(code) ? null : code;
            }
        }

        return null;
    }
}
