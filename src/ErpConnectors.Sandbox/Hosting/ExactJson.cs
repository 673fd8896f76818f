using System.Text.Encodings.Web;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// JSON answers for vendors whose wire names are written out as they are (Weavy's entity fields, Microbizz's
/// snake_case): no naming policy, nulls written, characters such as 'é', 'ø' and '+' unescaped.
/// </summary>
internal static class ExactJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>For answers written row by row with a <see cref="Utf8JsonWriter"/>.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Answer(object value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, Options, ContentType, statusCode);
}
