using System.Text;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// Answers with a broken body (<see cref="BodyFault"/>): cut off, truncated, HTML, not JSON, nested absurdly deep,
/// led by a byte-order mark, empty, or a huge error. Runs after the status faults, before the emulation.
/// </summary>
internal sealed class BodyFaultMiddleware(RequestDelegate next, SandboxSystem system)
{
    private const int ChunkSize = 64 * 1024;
    private static readonly TimeSpan CutOffGrace = TimeSpan.FromMilliseconds(100);

    internal const string SignInPage =
        "<!DOCTYPE html>\n<html><head><title>Sign in - Corporate Web Proxy</title></head>\n" +
        "<body><h1>Your session has expired</h1><form method=\"post\" action=\"/proxy/login\">" +
        "<input name=\"user\"><input name=\"password\" type=\"password\"><button>Sign in</button></form></body></html>\n";

    public async Task InvokeAsync(HttpContext context)
    {
        var fault = system.Faults.TakeBodyFault(context.Request.Method, context.Request.Path.Value ?? string.Empty, system.IsAuthenticationEndpoint(context));
        if (fault is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Items[RequestLogMiddleware.FaultInjectedItem] = true;
        switch (fault.Kind)
        {
            case BodyFaultKind.Html:
                await WriteAsync(context, 200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(SignInPage)).ConfigureAwait(false);
                return;
            case BodyFaultKind.NotJson:
                await WriteAsync(context, 200, "application/json; charset=utf-8", "Service temporarily unavailable, please try again later."u8.ToArray()).ConfigureAwait(false);
                return;
            case BodyFaultKind.Deep:
                await WriteAsync(context, 200, "application/json; charset=utf-8", Encoding.ASCII.GetBytes(new string('[', 5000) + new string(']', 5000))).ConfigureAwait(false);
                return;
            case BodyFaultKind.Empty:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json; charset=utf-8";
                context.Response.ContentLength = 0;
                return;
            case BodyFaultKind.HugeError:
                await WriteHugeErrorAsync(context, fault.Bytes > 0 ? fault.Bytes : FaultOptions.DefaultHugeErrorBytes).ConfigureAwait(false);
                return;
        }

        // The rest change the real answer: let the emulation write it aside first.
        var realBody = context.Response.Body;
        byte[] body;
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

            body = captured.ToArray();
        }

        context.Response.ContentLength = null; // chunked: the client learns of the cut only when the connection goes
        switch (fault.Kind)
        {
            case BodyFaultKind.ByteOrderMark:
                await realBody.WriteAsync(new byte[] { 0xEF, 0xBB, 0xBF }, context.RequestAborted).ConfigureAwait(false);
                await realBody.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
                return;
            case BodyFaultKind.Truncated:
                await realBody.WriteAsync(body.AsMemory(0, (int)Math.Min(fault.Bytes, body.Length)), context.RequestAborted).ConfigureAwait(false);
                return;
            default: // CutOff
                await realBody.WriteAsync(body.AsMemory(0, (int)Math.Min(fault.Bytes, body.Length)), context.RequestAborted).ConfigureAwait(false);
                await realBody.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                // An abort drops output the socket has not sent yet: a moment lets the headers and the first bytes go,
                // so the client meets the cut inside the body (when it does not, it meets a reset before the answer).
                await Task.Delay(CutOffGrace, context.RequestAborted).ConfigureAwait(false);
                context.Abort();
                return;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes the body a chunk at a time, and stops as soon as the client has gone: what it wrote is counted.</summary>
    private async Task WriteHugeErrorAsync(HttpContext context, long length)
    {
        context.Response.StatusCode = 500;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = length;
        byte[] chunk = new byte[ChunkSize];
        Array.Fill(chunk, (byte)'E');
        long left = length;
        try
        {
            while (left > 0 && !context.RequestAborted.IsCancellationRequested)
            {
                int n = (int)Math.Min(chunk.Length, left);
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, n), context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                system.Faults.CountHugeErrorBytes(n);
                left -= n;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The client read what it wanted and closed the connection.
        }
    }
}
