using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// Answers a request the way a hostile network would (<see cref="HostileFaultKind"/>): redirects to another or the
/// same origin, a body that stalls or trickles, a gateway error that echoes the request.
/// </summary>
internal static class HostileFaultResponder
{
    /// <summary>The prefix a same-origin redirect points under; <see cref="RewriteAsync"/> serves it as the path after it.</summary>
    public const string SameOriginPrefix = "/sandbox-redirected";

    private const string RedirectedItem = "ErpConnectors.Sandbox.Redirected";

    /// <summary>First in the host's pipeline: a request under <see cref="SameOriginPrefix"/> is served as the path after it.</summary>
    public static Task RewriteAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments(SameOriginPrefix, out var rest))
        {
            context.Request.Path = rest;
            context.Items[RedirectedItem] = true;
        }

        return next(context);
    }

    /// <summary>True when a hostile fault answered (or is answering) the request.</summary>
    public static async Task<bool> TryAnswerAsync(HttpContext context, SandboxSystem system, bool isAuthentication, RequestDelegate next)
    {
        var faults = system.Faults.Hostile;
        var request = context.Request;
        var kind = faults.Take(request.Method, request.Path.Value ?? string.Empty, isAuthentication, context.Items.ContainsKey(RedirectedItem));
        if (kind is null)
        {
            return false;
        }

        context.Items[RequestLogMiddleware.FaultInjectedItem] = true;
        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        switch (kind.Value)
        {
            case HostileFaultKind.RedirectForeign:
            case HostileFaultKind.RedirectForeignKeepMethod:
                var foreign = faults.ForeignRoot ?? throw new InvalidOperationException("The server has no foreign origin.");
                context.Response.StatusCode = kind == HostileFaultKind.RedirectForeign ? 302 : 307;
                context.Response.Headers.Location = new Uri(foreign, pathAndQuery.TrimStart('/')).AbsoluteUri;
                return true;
            case HostileFaultKind.RedirectSameOrigin:
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = SameOriginPrefix + pathAndQuery;
                return true;
            case HostileFaultKind.EchoRequest:
                await EchoAsync(context, faults.EchoStatus).ConfigureAwait(false);
                return true;
            default:
                await SlowBodyAsync(context, next, kind.Value == HostileFaultKind.StallBody, faults).ConfigureAwait(false);
                return true;
        }
    }

    // Some gateways do this: the whole request, headers and body, in the error's body.
    private static async Task EchoAsync(HttpContext context, int status)
    {
        var request = context.Request;
        string body = string.Empty;
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var echo = new
        {
            error = status == 502 ? "Bad Gateway" : "Request blocked by the gateway",
            message = "The upstream server did not answer this request.",
            request = new
            {
                method = request.Method,
                path = request.Path.Value + request.QueryString.Value,
                headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()),
                body,
            },
        };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(echo), context.RequestAborted).ConfigureAwait(false);
    }

    // The real answer, then either silence after a few bytes or one byte at a time.
    private static async Task SlowBodyAsync(HttpContext context, RequestDelegate next, bool stall, HostileFaults faults)
    {
        var realBody = context.Response.Body;
        byte[] answer;
        await using (var captured = new MemoryStream())
        {
            context.Response.Body = captured;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = realBody;
            }

            answer = captured.ToArray();
        }

        context.Response.ContentLength = null;
        try
        {
            if (stall)
            {
                var sent = Math.Min(faults.StallAfterBytes, Math.Max(0, answer.Length - 1));
                await realBody.WriteAsync(answer.AsMemory(0, sent), context.RequestAborted).ConfigureAwait(false);
                await realBody.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ConfigureAwait(false);
                return;
            }

            for (var i = 0; i < answer.Length; i++)
            {
                await realBody.WriteAsync(answer.AsMemory(i, 1), context.RequestAborted).ConfigureAwait(false);
                await realBody.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                await Task.Delay(faults.TrickleInterval, context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up: what it was meant to do.
        }
    }
}
