using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json;

namespace ErpConnectors.Core.Json;

/// <summary>
/// JSON to PowerShell values: objects become PSObjects (property names as the API spells them; PowerShell matches
/// them case-insensitively), arrays become object[], ISO 8601 date-times become DateTimeOffset (DateTime when the
/// text has no offset), numbers become int, long, decimal or double, in that order of preference.
/// </summary>
internal static class PSObjectConverter
{
    // One boxed copy of each: a record holds many flags, and every box is garbage the collector must walk.
    private static readonly object s_true = true;
    private static readonly object s_false = false;

    /// <summary>Reads the value at the reader's current token (which must be complete in the buffer).</summary>
    public static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, typeName: null);
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return items.ToArray();
            case JsonTokenType.String:
                return ReadString(ref reader);
            case JsonTokenType.Number:
                return ReadNumber(ref reader);
            case JsonTokenType.True:
                return s_true;
            case JsonTokenType.False:
                return s_false;
            default:
                return null;
        }
    }

    /// <summary>Reads an object and tags it with <paramref name="typeName"/> (the record kind, for format views).</summary>
    public static PSObject ReadObject(ref Utf8JsonReader reader, string? typeName)
    {
        var result = new PSObject();
        if (typeName is not null)
        {
            AddTypeNames(result, typeName);
        }

        // Properties are added pre-validated: the engine's own name check walks its type tables on every add and
        // made conversion the bottleneck of streaming. Duplicates (rare in vendor JSON) are caught here instead,
        // by a scan of the names so far: no allocation per record, and records rarely have many properties.
        var properties = result.Properties;
        string[] names = ArrayPool<string>.Shared.Rent(32);
        int count = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                string name = PropertyName(ref reader);
                reader.Read();
                object? value = ReadValue(ref reader);
                if (IndexOf(names, count, name) < 0)
                {
                    if (count == names.Length)
                    {
                        string[] larger = ArrayPool<string>.Shared.Rent(count * 2);
                        Array.Copy(names, larger, count);
                        ArrayPool<string>.Shared.Return(names, clearArray: true);
                        names = larger;
                    }

                    names[count++] = name;
                    properties.Add(new PSNoteProperty(name, value), true);
                }
                else
                {
                    properties[name].Value = value; // a duplicate key: the last one wins, as in most JSON readers
                }
            }
        }
        finally
        {
            ArrayPool<string>.Shared.Return(names, clearArray: true);
        }

        return result;
    }

    private static int IndexOf(string[] names, int count, string name)
    {
        for (int i = 0; i < count; i++)
        {
            // Names of one record kind are the same string instances (see PropertyName): usually a reference check.
            if (ReferenceEquals(names[i], name) || string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Tags a record. <paramref name="typeName"/> is one name, or several separated by ';', most specific first
    /// ("ErpConnectors.Qics.Customer;ErpConnectors.Qics.Record"): a view for the specific kind wins, and records
    /// of kinds without one still get the system's generic view.
    /// </summary>
    public static void AddTypeNames(PSObject record, string typeName)
    {
        if (typeName.IndexOf(';') < 0)
        {
            record.TypeNames.Insert(0, typeName);
            return;
        }

        string[] names = typeName.Split(';');
        for (int i = 0; i < names.Length; i++)
        {
            record.TypeNames.Insert(i, names[i]);
        }
    }

    /// <summary>Reads any JSON value; objects at the top are tagged with <paramref name="typeName"/>.</summary>
    public static object? ReadTopLevel(ref Utf8JsonReader reader, string? typeName) =>
        reader.TokenType == JsonTokenType.StartObject ? ReadObject(ref reader, typeName) : ReadValue(ref reader);

    private static object ReadNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt32(out int i))
        {
            return i;
        }

        if (reader.TryGetInt64(out long l))
        {
            return l;
        }

        if (reader.TryGetDecimal(out decimal d))
        {
            return d;
        }

        return reader.GetDouble();
    }

    // Records of one kind repeat the same property names: reuse the strings instead of allocating them per row.
    [ThreadStatic]
    private static Dictionary<int, string>? t_names;

    private static string PropertyName(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > 64)
        {
            return reader.GetString() ?? string.Empty;
        }

        ReadOnlySpan<byte> utf8 = reader.ValueSpan;
        int hash = unchecked((int)2166136261);
        foreach (byte b in utf8)
        {
            hash = unchecked((hash ^ b) * 16777619);
        }

        var names = t_names ??= new Dictionary<int, string>();
        if (names.TryGetValue(hash, out string? known) && reader.ValueTextEquals(known))
        {
            return known;
        }

        if (names.Count >= 4096)
        {
            names.Clear();
        }

        string name = reader.GetString() ?? string.Empty;
        names[hash] = name;
        return name;
    }

    private static object? ReadString(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped && LooksLikeDate(reader.ValueSpan, out bool dateOnly, out bool hasOffset))
        {
            // The reader's own ISO 8601 parser works on the UTF-8 bytes: no string, no culture.
            if (dateOnly && reader.TryGetDateTime(out DateTime day))
            {
                return DateTime.SpecifyKind(day, DateTimeKind.Unspecified);
            }

            if (!dateOnly && hasOffset && reader.TryGetDateTimeOffset(out DateTimeOffset moment))
            {
                return moment;
            }

            if (!dateOnly && !hasOffset && reader.TryGetDateTime(out DateTime local))
            {
                return local;
            }
        }

        string? text = reader.GetString();
        return text is not null && text.StartsWith("/Date(", StringComparison.Ordinal) && TryParseServiceStackDate(text, out DateTimeOffset wcf) ? wcf : text;
    }

    /// <summary>
    /// ServiceStack's and WCF's default JSON date, "/Date(1500000000000)/" or "/Date(1500000000000+1000)/":
    /// milliseconds since 1970 UTC, optionally with the offset the time was written in.
    /// </summary>
    internal static bool TryParseServiceStackDate(string text, out DateTimeOffset value)
    {
        value = default;
        if (!text.EndsWith(")/", StringComparison.Ordinal))
        {
            return false;
        }

        string inner = text.Substring(6, text.Length - 8);
        int sign = inner.IndexOfAny(new[] { '+', '-' }, 1);
        string millis = sign > 0 ? inner.Substring(0, sign) : inner;
        if (!long.TryParse(millis, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long ms) || ms < -62135596800000 || ms > 253402300799999)
        {
            return false;
        }

        TimeSpan offset = TimeSpan.Zero;
        if (sign > 0)
        {
            string zone = inner.Substring(sign + 1);
            if (zone.Length != 4 || !int.TryParse(zone, NumberStyles.None, CultureInfo.InvariantCulture, out int hhmm))
            {
                return false;
            }

            if (hhmm % 100 >= 60 || hhmm > 1400)
            {
                return false;
            }

            offset = new TimeSpan(hhmm / 100, hhmm % 100, 0);
            if (inner[sign] == '-')
            {
                offset = -offset;
            }
        }

        value = DateTimeOffset.FromUnixTimeMilliseconds(ms).ToOffset(offset);
        return true;
    }

    /// <summary>The same strict shapes as <see cref="TryParseDate"/>, checked on the raw bytes.</summary>
    private static bool LooksLikeDate(ReadOnlySpan<byte> text, out bool dateOnly, out bool hasOffset)
    {
        dateOnly = false;
        hasOffset = false;
        int length = text.Length;
        if (length < 10 || length > 40 || text[4] != '-' || text[7] != '-' || !Digits(text, 0, 4) || !Digits(text, 5, 2) || !Digits(text, 8, 2))
        {
            return false;
        }

        if (length == 10)
        {
            dateOnly = true;
            return true;
        }

        if ((text[10] != 'T' && text[10] != 't') || length < 19 || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        byte last = text[length - 1];
        hasOffset = last is (byte)'Z' or (byte)'z' || text.Slice(19).IndexOfAny((byte)'+', (byte)'-') >= 0;
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count)
    {
        foreach (byte b in text.Slice(start, count))
        {
            if (b < '0' || b > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Only strict ISO 8601 shapes are dates: "2024-03-01", "2024-03-01T08:15:00", with optional fraction and
    /// offset. Anything looser ("1.2.2024", "March") stays a string: guessing would corrupt codes and names.
    /// </summary>
    internal static bool TryParseDate(string text, out object? value)
    {
        value = null;
        int length = text.Length;
        if (length < 10 || length > 40 || text[4] != '-' || text[7] != '-' || !IsDigits(text, 0, 4) || !IsDigits(text, 5, 2) || !IsDigits(text, 8, 2))
        {
            return false;
        }

        if (length == 10)
        {
            if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day))
            {
                value = day;
                return true;
            }

            return false;
        }

        if (text[10] != 'T' && text[10] != 't' || length < 19 || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        bool hasOffset = text[length - 1] is 'Z' or 'z' || (length > 19 && (text.LastIndexOf('+') > 18 || text.LastIndexOf('-') > 18));
        if (hasOffset)
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset moment))
            {
                value = moment;
                return true;
            }

            return false;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTime local))
        {
            value = local;
            return true;
        }

        return false;
    }

    private static bool IsDigits(string text, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }
}
