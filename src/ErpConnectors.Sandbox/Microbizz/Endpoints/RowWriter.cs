using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Microbizz.Data;
using ErpConnectors.Sandbox.Microbizz.Http;

namespace ErpConnectors.Sandbox.Microbizz.Endpoints;

/// <summary>
/// Writes rows on the wire: every field of the object in table order, nulls written out. A file field is the
/// file's internal id (or null), or with include_binary_data=1 <c>{"id","filename","mimetype","binary"}</c>.
/// </summary>
internal static class RowWriter
{
    public static void Write(Utf8JsonWriter writer, ObjectDefinition definition, IReadOnlyDictionary<string, object?> row, FileStore? binaries)
    {
        writer.WriteStartObject();
        foreach (var field in definition.Fields)
        {
            writer.WritePropertyName(field.Name);
            WriteValue(writer, field, row.GetValueOrDefault(field.Name), binaries);
        }

        writer.WriteEndObject();
    }

    /// <summary>One row as the whole answer.</summary>
    public static IResult One(ObjectDefinition definition, IReadOnlyDictionary<string, object?> row, FileStore? binaries, int statusCode = StatusCodes.Status200OK) =>
        new RowsResult(statusCode, writer => Write(writer, definition, row, binaries));

    /// <summary>
    /// The rows as one JSON array, written as they are generated and flushed every 32 KB: the first rows reach
    /// the client while the rest are still being computed, and memory stays flat for a million rows.
    /// </summary>
    public static IResult Stream(ObjectDefinition definition, IEnumerable<IReadOnlyDictionary<string, object?>> rows, FileStore? binaries) =>
        new StreamedArrayResult(definition, rows, binaries);

    private static void WriteValue(Utf8JsonWriter writer, FieldDefinition field, object? value, FileStore? binaries)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case long number when field.Type == FieldType.File:
                if (binaries?.Find(number) is { } file)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("id", file.Id);
                    writer.WriteString("filename", file.FileName);
                    writer.WriteString("mimetype", file.MimeType);
                    writer.WriteBase64String("binary", file.Content);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNumberValue(number);
                }

                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case RelatedObject related:
                writer.WriteStartObject();
                writer.WriteString("object", related.Object);
                writer.WriteNumber("id", related.Id);
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"No wire form for {value.GetType().Name} in '{field.Name}'.");
        }
    }

    private sealed class RowsResult(int statusCode, Action<Utf8JsonWriter> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = statusCode;
            httpContext.Response.ContentType = ExactJson.ContentType;
            await using var writer = new Utf8JsonWriter(httpContext.Response.Body, ExactJson.WriterOptions);
            write(writer);
            await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }

    private sealed class StreamedArrayResult(ObjectDefinition definition, IEnumerable<IReadOnlyDictionary<string, object?>> rows, FileStore? binaries) : IResult
    {
        private const int FlushBytes = 32 * 1024;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var aborted = httpContext.RequestAborted;
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = ExactJson.ContentType;
            await using var writer = new Utf8JsonWriter(httpContext.Response.Body, ExactJson.WriterOptions);
            try
            {
                writer.WriteStartArray();
                foreach (var row in rows)
                {
                    Write(writer, definition, row, binaries);
                    if (writer.BytesPending >= FlushBytes)
                    {
                        // Once the client has gone, Kestrel may complete writes silently instead of failing them:
                        // stop generating rather than write the rest of a million rows into nothing.
                        aborted.ThrowIfCancellationRequested();
                        await writer.FlushAsync(aborted).ConfigureAwait(false);
                    }
                }

                writer.WriteEndArray();
                await writer.FlushAsync(aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The client stopped reading (it had what it wanted): nobody is left to answer.
            }
            catch (IOException) when (aborted.IsCancellationRequested)
            {
                // The same, seen as a failed write.
            }
        }
    }
}
