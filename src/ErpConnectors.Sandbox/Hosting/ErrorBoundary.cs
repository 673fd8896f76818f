namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// Where a system's gateway turns exceptions into answers: the system's own error type is answered the way the
/// vendor words it, and any other exception (a bug in the emulation) as the vendor's 500 carrying the reason,
/// so a test shows it. Nothing is written once the response has started, or for a client that gave up.
/// </summary>
internal static class ErrorBoundary
{
    /// <param name="answer">Writes a vendor error as the answer.</param>
    /// <param name="bug">The vendor error (a 500) that reports an unexpected exception.</param>
    public static async Task RunAsync<TError>(HttpContext context, Func<Task> run, Func<TError, Task> answer, Func<Exception, TError> bug)
        where TError : Exception
    {
        try
        {
            await run().ConfigureAwait(false);
        }
        catch (TError error) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await answer(error).ConfigureAwait(false);
        }
        catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            context.Response.Clear();
            await answer(bug(error)).ConfigureAwait(false);
        }
    }
}
