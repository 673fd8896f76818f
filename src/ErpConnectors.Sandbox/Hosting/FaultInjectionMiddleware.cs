namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// Runs first inside a system's branch: queued faults, random faults, latency, then the emulation. A fault
/// queued with AfterHandling lets the emulation run (and apply a write) and discards its answer.
/// </summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, SandboxSystem system)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var faults = system.Faults;
        var isAuthentication = system.IsAuthenticationEndpoint(context);
        if (await HostileFaultResponder.TryAnswerAsync(context, system, isAuthentication, next).ConfigureAwait(false))
        {
            return;
        }

        var queued = faults.TakeQueued(context.Request.Method, context.Request.Path.Value ?? string.Empty, isAuthentication);

        if (queued is { AfterHandling: false })
        {
            await AnswerFaultAsync(context, queued.StatusCode).ConfigureAwait(false);
            return;
        }

        if (queued is null && !isAuthentication && faults.RollRandom() is { } randomStatus)
        {
            await AnswerFaultAsync(context, randomStatus).ConfigureAwait(false);
            return;
        }

        if (!isAuthentication && faults.Latency > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(faults.Latency, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up: nobody is left to answer.
                return;
            }
        }

        if (queued is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var realBody = context.Response.Body;
        await using (var discarded = new MemoryStream())
        {
            context.Response.Body = discarded;
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                context.Response.Body = realBody;
            }
        }

        context.Response.Clear();
        await AnswerFaultAsync(context, queued.StatusCode).ConfigureAwait(false);
    }

    private Task AnswerFaultAsync(HttpContext context, int statusCode)
    {
        context.Items[RequestLogMiddleware.FaultInjectedItem] = true;
        return system.WriteFaultAsync(context, statusCode);
    }
}
