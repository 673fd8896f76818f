using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>
/// Dates as the contract fixes them: ISO 8601 "yyyy-MM-ddTHH:mm:ss" in server local time, no offset (the sandbox
/// keeps everything in UTC, so its local time is UTC). Reading accepts any ISO form; an offset is converted to UTC.
/// </summary>
internal sealed class JiwaDateTimeConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TryParse(reader.GetString(), out var value) ? value : throw new JsonException("An ISO 8601 date is expected.");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));

    /// <summary>An ISO 8601 date or timestamp; no offset means server time (UTC).</summary>
    public static bool TryParse(string? text, out DateTime value)
    {
        if (text is not null
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        value = default;
        return false;
    }
}
