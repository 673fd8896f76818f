namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>Writes the vendor's error body: {"error":{"httpStatusCode","type","details":[{"message","location"}]}}.</summary>
internal static class SeveraErrorWriter
{
    public static Task WriteAsync(HttpContext context, SeveraApiException error)
    {
        var response = context.Response;
        response.StatusCode = error.StatusCode;
        foreach (var (name, value) in error.Headers)
        {
            response.Headers[name] = value;
        }

        var body = new ErrorEnvelope(new ErrorBody(
            error.StatusCode,
            error.Type,
            [.. error.Details.Select(d => new ErrorDetailBody(d.Message, d.Location))]));
        return response.WriteAsJsonAsync(body, SeveraJson.Options, "application/json; charset=utf-8", context.RequestAborted);
    }

    /// <summary>The rate limiter's answer: plain text, no Retry-After (as the vendor documents it).</summary>
    public static Task WriteQuotaExceededAsync(HttpContext context, int requestsPerSecond)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.ContentType = "text/plain";
        return response.WriteAsync($"API calls quota exceeded! maximum admitted {requestsPerSecond} per Second.", context.RequestAborted);
    }

    private sealed record ErrorEnvelope(ErrorBody Error);

    private sealed record ErrorBody(int HttpStatusCode, string Type, IReadOnlyList<ErrorDetailBody> Details);

    private sealed record ErrorDetailBody(string Message, string? Location);
}
