using System;
using System.Net;
using System.Net.Http;

namespace ErpConnectors.Core.Http;

/// <summary>
/// Which outcomes are worth another attempt. A 429 is a refusal (nothing was applied), so any method may be sent
/// again. Anything else that may have reached the server (5xx, a timeout, a dropped connection) is retried only
/// when replaying cannot apply a change twice.
/// </summary>
internal static class RetryRules
{
    public static bool IsSafeMethod(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options;

    public static bool ShouldRetry(HttpResponseMessage response, bool idempotent) =>
        response.StatusCode == (HttpStatusCode)429 ||
        (idempotent && IsTransient(response.StatusCode));

    public static bool ShouldRetry(Exception exception, bool idempotent) =>
        idempotent && (exception is HttpRequestException || exception is Polly.Timeout.TimeoutRejectedException);

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.RequestTimeout ||
        status == HttpStatusCode.InternalServerError ||
        status == HttpStatusCode.BadGateway ||
        status == HttpStatusCode.ServiceUnavailable ||
        status == HttpStatusCode.GatewayTimeout;

    /// <summary>The server's Retry-After (seconds or a date), capped; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeSpan cap, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (wait is null)
        {
            return null;
        }

        if (wait < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return wait > cap ? cap : wait;
    }
}
