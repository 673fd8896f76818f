namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>Writes ServiceStack's error body: {"ResponseStatus":{"ErrorCode","Message","Errors":[{"ErrorCode","FieldName","Message"}]}}.</summary>
internal static class JiwaErrorWriter
{
    public static Task WriteAsync(HttpContext context, JiwaApiException error)
    {
        var response = context.Response;
        response.StatusCode = error.StatusCode;
        var body = new ErrorEnvelope(new ResponseStatus(error.ErrorCode, error.Message, error.Errors));
        return response.WriteAsJsonAsync(body, JiwaJson.Options, JiwaJson.ContentType, context.RequestAborted);
    }

    private sealed record ErrorEnvelope(ResponseStatus ResponseStatus);

    private sealed record ResponseStatus(string ErrorCode, string Message, IReadOnlyList<JiwaFieldError> Errors);
}
