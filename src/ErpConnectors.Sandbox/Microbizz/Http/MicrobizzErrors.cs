using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Microbizz.Http;

/// <summary>The errors the emulation answers, and how each is written.</summary>
internal static class MicrobizzErrors
{
    /// <summary>
    /// Chosen: the code names the status (the document lists the statuses only), so a client can switch on
    /// either. Statuses the document does not list get the generic "Error".
    /// </summary>
    public static string CodeOf(int statusCode) => statusCode switch
    {
        400 => "BadRequest",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        429 => "TooManyRequests",
        500 => "InternalServerError",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "Error",
    };

    public static MicrobizzApiException BadRequest(string message) => new(400, message);

    public static MicrobizzApiException NotFound(string message) => new(404, message);

    public static MicrobizzApiException Unauthorized(string message) => new(401, message);

    public static MicrobizzApiException MethodNotAllowed(string method, string objectName, IReadOnlyList<string> allowed)
    {
        var list = string.Join(", ", allowed);
        return new(405, $"The method {method} is not allowed on '{objectName}'. Allowed: {list}", new Dictionary<string, string> { ["Allow"] = list });
    }

    /// <summary>An injected fault in this shape.</summary>
    public static MicrobizzApiException Fault(int statusCode) => statusCode switch
    {
        401 => Unauthorized("The access token has expired: log in again (POST login)."),
        429 => new(429, "Too many requests: slow down and retry.", new Dictionary<string, string> { ["Retry-After"] = "1" }),
        _ => new(statusCode, $"Injected fault: status {statusCode}."),
    };

    public static Task WriteAsync(HttpContext context, MicrobizzApiException error)
    {
        foreach (var (name, value) in error.Headers)
        {
            context.Response.Headers[name] = value;
        }

        return ExactJson.Answer(new { error = new { code = error.Code, message = error.Message } }, error.StatusCode).ExecuteAsync(context);
    }
}
