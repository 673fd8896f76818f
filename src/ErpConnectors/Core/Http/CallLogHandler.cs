using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Http;

/// <summary>
/// Outermost handler: one -Verbose line per call (method, path, status, milliseconds, retries) and, with -Debug,
/// headers and bodies with every secret redacted. Each stream is written only when it was asked for. Token endpoint bodies are never shown, redacted or not.
/// </summary>
internal sealed class CallLogHandler : DelegatingHandler
{
    private const int MaxBodyChars = 4096;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CallOptions? call = CallOptions.Of(request);
        var output = call?.Output;
        if (call is null || output is null || !(output.VerboseEnabled || output.DebugEnabled))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        string line = $"{call.SystemName} {request.Method} {Redactor.PathAndQuery(request.RequestUri)}";
        if (output.DebugEnabled)
        {
            output.Debug($"{line}\n{Redactor.Describe(request.Headers, request.Content?.Headers)}{await BodyAsync(request.Content, call).ConfigureAwait(false)}");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (output.VerboseEnabled)
            {
                output.Verbose($"{line} -> {(int)response.StatusCode} {response.ReasonPhrase} in {clock.ElapsedMilliseconds} ms{Retries(call)}");
            }

            if (output.DebugEnabled)
            {
                output.Debug($"{line} -> {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms{Retries(call)}\n{Redactor.Describe(response.Headers, response.Content?.Headers)}{await BodyAsync(response.Content, call).ConfigureAwait(false)}");
            }

            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            string failed = $"{line} -> failed in {clock.ElapsedMilliseconds} ms{Retries(call)}: {ex.Message}";
            if (output.VerboseEnabled)
            {
                output.Verbose(failed);
            }
            else
            {
                output.Debug(failed);
            }

            throw;
        }
    }

    private static string Retries(CallOptions call) => call.Retries switch
    {
        0 => string.Empty,
        1 => " (1 retry)",
        int n => $" ({n} retries)",
    };

    // -Debug is for diagnosing, so buffering a body here is acceptable; without -Debug nothing is buffered.
    private static async Task<string> BodyAsync(HttpContent? content, CallOptions call)
    {
        if (content is null)
        {
            return string.Empty;
        }

        if (call.SensitiveBody)
        {
            return "  (body not logged: it carries credentials)\n";
        }

        await content.LoadIntoBufferAsync().ConfigureAwait(false);
        string body = await content.ReadAsStringAsync().ConfigureAwait(false);
        if (body.Length == 0)
        {
            return string.Empty;
        }

        string shown = body.Length > MaxBodyChars ? body.Substring(0, MaxBodyChars) + $"... ({body.Length} chars)" : body;
        return "  " + Redactor.Body(content.Headers.ContentType?.MediaType, shown) + "\n";
    }
}
