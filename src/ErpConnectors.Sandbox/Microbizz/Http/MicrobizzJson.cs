using System.Text.Encodings.Web;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Microbizz.Http;

/// <summary>JSON answers: property names exactly as written (snake_case as the document spells them), nulls written out.</summary>
internal static class MicrobizzJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Answer(object value, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(value, Options, ContentType, statusCode);
}
