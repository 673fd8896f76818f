using System.Text;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>The outermost middleware: records every request with the status finally answered.</summary>
internal sealed class RequestLogMiddleware(
    RequestDelegate next,
    RequestLog log,
    IReadOnlyList<SandboxSystem> systems,
    TimeProvider time)
{
    private const int MaxLoggedBodyBytes = 64 * 1024;

    /// <summary>Set by fault injection so the log can tell an injected answer from an emulated one.</summary>
    internal const string FaultInjectedItem = "ErpConnectors.Sandbox.FaultInjected";

    public async Task InvokeAsync(HttpContext context)
    {
        var arrived = time.GetUtcNow();
        log.NoteArrival();
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var request = context.Request;
            var system = systems.FirstOrDefault(s => request.Path.StartsWithSegments(s.PathPrefix))?.Name ?? "host";
            log.Add(new LoggedRequest(
                system,
                request.Method,
                request.Path.Value ?? string.Empty,
                request.QueryString.Value ?? string.Empty,
                context.Response.StatusCode,
                Flatten(request.Headers),
                Flatten(context.Response.Headers),
                arrived,
                body,
                context.Items.ContainsKey(FaultInjectedItem)));
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return null;
        }

        request.EnableBuffering();
        var buffer = new byte[MaxLoggedBodyBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        request.Body.Position = 0;
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static Dictionary<string, string> Flatten(IHeaderDictionary headers)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            result[name] = values.ToString();
        }

        return result;
    }
}
