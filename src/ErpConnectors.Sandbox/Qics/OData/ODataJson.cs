using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>Writing OData JSON: property values in the types' wire forms, and whole answers.</summary>
internal static class ODataJson
{
    /// <summary>What ASP.NET OData answers for a JSON payload (chosen: clients must accept the parameters).</summary>
    public const string ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

    /// <summary>Errors are plain JSON.</summary>
    public const string ErrorContentType = "application/json; charset=utf-8";

    // '+' in offsets is written as is (the default encoder escapes it as \u002B, which is valid but unlike a real server).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>ISO 8601 with the value's own offset, fraction only when there is one: 2024-03-01T09:30:00+01:00.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case decimal d: writer.WriteNumberValue(d); break;
            case string s: writer.WriteStringValue(s); break;
            case DateTimeOffset t: writer.WriteStringValue(FormatTimestamp(t)); break;
            default: throw new InvalidOperationException($"No OData form for a {value.GetType().Name}.");
        }
    }

    /// <summary>The row's properties (the selected ones, or all), in the schema's order.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, EntitySchema schema, Row row, IReadOnlyCollection<EdmProperty>? select)
    {
        foreach (var property in schema.Properties)
        {
            if (select is null || select.Contains(property))
            {
                writer.WritePropertyName(property.Name);
                WriteValue(writer, row[property.Name]);
            }
        }
    }

    /// <summary>Writes a JSON answer built by <paramref name="write"/>, with the status and content type.</summary>
    public static async Task WriteAsync(HttpContext context, int statusCode, Action<Utf8JsonWriter> write, string contentType = ContentType)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = contentType;
        response.Headers["OData-Version"] = "4.0";
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
