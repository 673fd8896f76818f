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
    public static object? ReadValue(ref Utf8JsonReader reader) => Complete(ref reader, typeName: null);

    /// <summary>Reads any JSON value (complete in the buffer); objects at the top are tagged with <paramref name="typeName"/>.</summary>
    public static object? ReadTopLevel(ref Utf8JsonReader reader, string? typeName) => Complete(ref reader, typeName);

    /// <summary>
    /// Reads the value at the reader's current token from a buffer that may end inside it (a reader over a
    /// non-final block): false when it does, and the caller reads again from the same token once more bytes have
    /// come. Parsing once this way is cheaper than checking each row is complete (a second scan) before reading it.
    /// </summary>
    public static bool TryReadTopLevel(ref Utf8JsonReader reader, string? typeName, out object? value)
    {
        bool truncated = false;
        value = Read(ref reader, typeName, ref truncated);
        return !truncated;
    }

    private static object? Complete(ref Utf8JsonReader reader, string? typeName)
    {
        bool truncated = false;
        object? value = Read(ref reader, typeName, ref truncated);
        return truncated ? throw new JsonException("The JSON value is incomplete.") : value;
    }

    private static object? Read(ref Utf8JsonReader reader, string? typeName, ref bool truncated)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, typeName, ref truncated);
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (true)
                {
                    if (!reader.Read())
                    {
                        truncated = true;
                        return null;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return items.ToArray();
                    }

                    items.Add(Read(ref reader, typeName: null, ref truncated));
                    if (truncated)
                    {
                        return null;
                    }
                }

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
    private static PSObject? ReadObject(ref Utf8JsonReader reader, string? typeName, ref bool truncated)
    {
        // Records of one kind have about as many properties as the last one: room for them up front.
        var result = RecordFactory.Create(typeName is null ? 8 : t_lastRecordSize);
        if (typeName is not null)
        {
            RecordFactory.Tag(result, typeName);
        }

        // Duplicates (rare in vendor JSON) are caught here, by a scan of the names so far: no allocation per record,
        // and records rarely have many properties. The engine's own check walks its type tables on every add.
        PooledName[] names = ArrayPool<PooledName>.Shared.Rent(32);
        int count = 0;
        try
        {
            while (true)
            {
                if (!reader.Read())
                {
                    truncated = true;
                    return null;
                }

                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                PooledName name = PropertyName(ref reader);
                if (!reader.Read())
                {
                    truncated = true;
                    return null;
                }

                object? value = Read(ref reader, typeName: null, ref truncated);
                if (truncated)
                {
                    return null;
                }

                if (IndexOf(names, count, name) < 0)
                {
                    if (count == names.Length)
                    {
                        PooledName[] larger = ArrayPool<PooledName>.Shared.Rent(count * 2);
                        Array.Copy(names, larger, count);
                        ArrayPool<PooledName>.Shared.Return(names, clearArray: true);
                        names = larger;
                    }

                    names[count++] = name;
                    RecordFactory.AddNew(result, new PSNoteProperty(name.Name, value), ref name.Noted);
                }
                else
                {
                    result.Properties[name.Name].Value = value; // a duplicate key: the last one wins, as in most JSON readers
                }
            }
        }
        finally
        {
            ArrayPool<PooledName>.Shared.Return(names, clearArray: true);
        }

        if (typeName is not null)
        {
            t_lastRecordSize = count;
        }

        return result;
    }

    [ThreadStatic]
    private static int t_lastRecordSize;

    private static int IndexOf(PooledName[] names, int count, PooledName name)
    {
        for (int i = 0; i < count; i++)
        {
            // Pooled names that differ only in case share one Folded instance: a reference check per name. A name
            // read without the pool (escaped, long) is compared as text.
            PooledName other = names[i];
            if (name.Folded is not null && other.Folded is not null
                ? ReferenceEquals(name.Folded, other.Folded)
                : string.Equals(name.Name, other.Name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

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

    /// <summary>A property name as read, and whether this thread has added a property of that name before.</summary>
    private sealed class PooledName
    {
        public readonly string Name;
        public readonly byte[] Utf8;

        /// <summary>One instance per name without regard to case ("Name" and "name" share it); null when not pooled.</summary>
        public readonly object? Folded;

        public bool Noted;

        public PooledName(string name, byte[] utf8, object? folded)
        {
            Name = name;
            Utf8 = utf8;
            Folded = folded;
        }
    }

    // Records of one kind repeat the same property names: reuse the strings instead of allocating them per row.
    // The pool stops growing when full (a stream of ever new names is not what records look like): clearing it could
    // give one record two instances of a name and let a duplicate through.
    private const int PoolSize = 4096;

    [ThreadStatic]
    private static Dictionary<int, PooledName>? t_names;

    [ThreadStatic]
    private static Dictionary<string, object>? t_folded;

    private static PooledName PropertyName(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > 64)
        {
            return Unpooled(ref reader);
        }

        ReadOnlySpan<byte> utf8 = reader.ValueSpan;
        int hash = unchecked((int)2166136261);
        foreach (byte b in utf8)
        {
            hash = unchecked((hash ^ b) * 16777619);
        }

        var names = t_names ??= new Dictionary<int, PooledName>();
        if (names.TryGetValue(hash, out PooledName? known) && utf8.SequenceEqual(known.Utf8))
        {
            return known;
        }

        if (names.Count >= PoolSize || known is not null)
        {
            return Unpooled(ref reader); // full, or another name has this hash
        }

        string text = reader.GetString() ?? string.Empty;
        var folded = t_folded ??= new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        if (!folded.TryGetValue(text, out object? key))
        {
            folded[text] = key = new object();
        }

        var name = new PooledName(text, utf8.ToArray(), key);
        names[hash] = name;
        return name;
    }

    private static PooledName Unpooled(ref Utf8JsonReader reader) => new(reader.GetString() ?? string.Empty, Array.Empty<byte>(), folded: null);

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
