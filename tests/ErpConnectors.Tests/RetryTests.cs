using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Management.Automation;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Http;
using ErpConnectors.Core.Requests;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

public class RetryTests
{
    /// <summary>
    /// A MockHttp endpoint that plays a script: one step per attempt (a status, an exception, or a hang until the
    /// attempt is cancelled), then 200 for every further attempt. Each attempt's start is time-stamped.
    /// </summary>
    private sealed class Script
    {
        private readonly Func<int, HttpRequestMessage, Task<HttpResponseMessage>>[] _steps;
        private int _attempts;

        public Script(params Func<int, HttpRequestMessage, Task<HttpResponseMessage>>[] steps) => _steps = steps;

        public ConcurrentQueue<long> Starts { get; } = new();

        public int Attempts => Volatile.Read(ref _attempts);

        public MockHttpMessageHandler Mock()
        {
            var mock = new MockHttpMessageHandler();
            mock.When("*").Respond(request =>
            {
                Starts.Enqueue(Stopwatch.GetTimestamp());
                int n = Interlocked.Increment(ref _attempts);
                return n <= _steps.Length ? _steps[n - 1](n, request) : Task.FromResult(TestRuntime.Json("{\"ok\":true}"));
            });
            return mock;
        }

        public double GapMs(int from, int to)
        {
            long[] starts = Starts.ToArray();
            return TestRuntime.Ms(starts[from], starts[to]);
        }
    }

    private static Func<int, HttpRequestMessage, Task<HttpResponseMessage>> Status(int status, Action<HttpResponseMessage>? shape = null) =>
        (_, _) =>
        {
            var response = TestRuntime.Text("failure " + status, (HttpStatusCode)status);
            shape?.Invoke(response);
            return Task.FromResult(response);
        };

    // Thrown synchronously: MockHttp never completes a request whose answer task faults (it would look like a hang).
    private static Func<int, HttpRequestMessage, Task<HttpResponseMessage>> Throws(Exception exception) =>
        (_, _) => throw exception;

    // MockHttp cancels a pending answer when the attempt's token is cancelled (the per-attempt timeout).
    private static Func<int, HttpRequestMessage, Task<HttpResponseMessage>> Hangs() =>
        async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            return TestRuntime.Json("{}");
        };

    private static async Task<object?> SendAsync(ConnectionRuntime runtime, ApiRequest request, RecordingOutput? output = null) =>
        await runtime.SendForValueAsync(request, null, output ?? new RecordingOutput(), CancellationToken.None);

    private static ApiRequest Post() => new(HttpMethod.Post, "workhours") { Body = "{\"a\":1}"u8.ToArray() };

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task GET_is_retried_on_transient_statuses(int status)
    {
        var script = new Script(Status(status));
        using var runtime = TestRuntime.Create(script.Mock());

        Assert.NotNull(await SendAsync(runtime, ApiRequest.Get("customers")));
        Assert.Equal(2, script.Attempts);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(501)]
    public async Task GET_is_not_retried_on_definite_failures(int status)
    {
        var script = new Script(Status(status));
        using var runtime = TestRuntime.Create(script.Mock());

        var ex = await Assert.ThrowsAsync<ApiException>(() => SendAsync(runtime, ApiRequest.Get("customers")));
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(1, script.Attempts);
    }

    [Fact]
    public async Task GET_is_retried_after_a_transport_failure()
    {
        var script = new Script(Throws(new HttpRequestException("connection reset")));
        using var runtime = TestRuntime.Create(script.Mock(), TestRuntime.FastRetry(attemptTimeoutMs: 10_000));
        var output = new RecordingOutput();

        Assert.NotNull(await SendAsync(runtime, ApiRequest.Get("customers"), output));
        Assert.Equal(2, script.Attempts);
        Assert.Contains(output.VerboseLines, l => l.Contains("connection reset; retrying in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GET_is_retried_after_an_attempt_timeout()
    {
        // The timeout must be long enough that an ordinary attempt never hits it on a slow, busy machine.
        var script = new Script(Hangs());
        using var runtime = TestRuntime.Create(script.Mock(), TestRuntime.FastRetry(attemptTimeoutMs: 1000));
        var output = new RecordingOutput();

        Assert.NotNull(await SendAsync(runtime, ApiRequest.Get("customers"), output));
        Assert.True(script.Attempts >= 2);
        Assert.Contains(output.VerboseLines, l => l.Contains("timeout", StringComparison.OrdinalIgnoreCase) && l.Contains("retrying in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_GET_built_with_the_constructor_is_as_retriable_as_ApiRequest_Get()
    {
        var request = new ApiRequest(HttpMethod.Get, "customers");
        Assert.True(request.Idempotent);
        Assert.False(new ApiRequest(HttpMethod.Post, "customers").Idempotent);
        Assert.False(new ApiRequest(HttpMethod.Delete, "customers").Idempotent);

        var script = new Script(Status(503));
        using var runtime = TestRuntime.Create(script.Mock());
        Assert.NotNull(await SendAsync(runtime, request));
        Assert.Equal(2, script.Attempts);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(408)]
    public async Task POST_is_never_replayed_after_a_failure_that_may_have_reached_the_server(int status)
    {
        var script = new Script(Status(status));
        using var runtime = TestRuntime.Create(script.Mock());

        var ex = await Assert.ThrowsAsync<ApiException>(() => SendAsync(runtime, Post()));
        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Equal(1, script.Attempts);
    }

    [Fact]
    public async Task POST_is_not_replayed_after_a_transport_failure()
    {
        var script = new Script(Throws(new HttpRequestException("connection reset")));
        using var runtime = TestRuntime.Create(script.Mock(), TestRuntime.FastRetry(attemptTimeoutMs: 10_000));

        var ex = await Assert.ThrowsAsync<ApiException>(() => SendAsync(runtime, Post()));
        Assert.Contains("connection reset", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.ConnectionError, ex.Category);
        Assert.Equal(1, script.Attempts);
    }

    [Fact]
    public async Task POST_is_not_replayed_after_an_attempt_timeout()
    {
        var script = new Script(Hangs());
        using var runtime = TestRuntime.Create(script.Mock(), TestRuntime.FastRetry(attemptTimeoutMs: 200));

        var ex = await Assert.ThrowsAsync<ApiException>(() => SendAsync(runtime, Post()));
        Assert.Equal(ErrorCategory.OperationTimeout, ex.Category);
        Assert.Equal(1, script.Attempts);
    }

    [Fact]
    public async Task POST_is_resent_after_a_429_which_applied_nothing()
    {
        var script = new Script(Status(429), Status(429));
        using var runtime = TestRuntime.Create(script.Mock());

        Assert.NotNull(await SendAsync(runtime, Post()));
        Assert.Equal(3, script.Attempts);
    }

    [Fact]
    public async Task PATCH_marked_idempotent_is_retried_and_unmarked_is_not()
    {
        var marked = new Script(Status(503));
        using (var runtime = TestRuntime.Create(marked.Mock()))
        {
            var patch = new ApiRequest(HttpMethod.Patch, "invoices/1") { Body = "[]"u8.ToArray(), Idempotent = true };
            Assert.NotNull(await SendAsync(runtime, patch));
        }

        var unmarked = new Script(Status(503));
        using (var runtime = TestRuntime.Create(unmarked.Mock()))
        {
            var patch = new ApiRequest(HttpMethod.Patch, "invoices/1") { Body = "[]"u8.ToArray() };
            await Assert.ThrowsAsync<ApiException>(() => SendAsync(runtime, patch));
        }

        Assert.Equal(2, marked.Attempts);
        Assert.Equal(1, unmarked.Attempts);
    }

    [Fact]
    public async Task DELETE_is_not_retried_on_5xx_but_is_on_429()
    {
        var failing = new Script(Status(500));
        using (var runtime = TestRuntime.Create(failing.Mock()))
        {
            await Assert.ThrowsAsync<ApiException>(() => SendAsync(runtime, new ApiRequest(HttpMethod.Delete, "workhours/1")));
        }

        var throttled = new Script(Status(429));
        using (var runtime = TestRuntime.Create(throttled.Mock()))
        {
            await SendAsync(runtime, new ApiRequest(HttpMethod.Delete, "workhours/1"));
        }

        Assert.Equal(1, failing.Attempts);
        Assert.Equal(2, throttled.Attempts);
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_and_the_last_failure_surfaces()
    {
        var script = new Script(Status(503), Status(503), Status(503), Status(503), Status(503));
        using var runtime = TestRuntime.Create(script.Mock(), TestRuntime.FastRetry(maxRetries: 2));
        var output = new RecordingOutput();

        var ex = await Assert.ThrowsAsync<ApiException>(() => SendAsync(runtime, ApiRequest.Get("customers"), output));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(ErrorCategory.ResourceUnavailable, ex.Category);
        Assert.Equal(3, script.Attempts);
        Assert.Contains(output.VerboseLines, l => l.Contains("-> 503", StringComparison.Ordinal) && l.EndsWith("(2 retries)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_verbose_line_counts_the_retries()
    {
        var script = new Script(Status(503), Status(502));
        using var runtime = TestRuntime.Create(script.Mock());
        var output = new RecordingOutput();

        await SendAsync(runtime, ApiRequest.Get("customers"), output);

        string final = Assert.Single(output.VerboseLines, l => l.Contains("-> 200", StringComparison.Ordinal));
        Assert.StartsWith("Test GET /api/v1/customers -> 200 OK in ", final, StringComparison.Ordinal);
        Assert.EndsWith(" ms (2 retries)", final, StringComparison.Ordinal);
        Assert.Equal(2, output.VerboseLines.Count(l => l.Contains("retrying in", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task One_retry_is_singular_and_none_is_not_mentioned()
    {
        var once = new Script(Status(503));
        var output = new RecordingOutput();
        using (var runtime = TestRuntime.Create(once.Mock()))
        {
            await SendAsync(runtime, ApiRequest.Get("a"), output);
            await SendAsync(runtime, ApiRequest.Get("b"), output);
        }

        Assert.Contains(output.VerboseLines, l => l.StartsWith("Test GET /api/v1/a -> 200", StringComparison.Ordinal) && l.EndsWith(" ms (1 retry)", StringComparison.Ordinal));
        Assert.Contains(output.VerboseLines, l => l.StartsWith("Test GET /api/v1/b -> 200", StringComparison.Ordinal) && l.EndsWith(" ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_honoured()
    {
        var script = new Script(Status(429, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1))));
        using var runtime = TestRuntime.Create(script.Mock(), TestRuntime.FastRetry(maxDelayMs: 5000));

        await SendAsync(runtime, Post());

        Assert.Equal(2, script.Attempts);
        Assert.InRange(script.GapMs(0, 1), 900, 10_000); // the backoff alone would be a few milliseconds
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_capped_at_MaxDelay()
    {
        var script = new Script(Status(503, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(20))));
        using var runtime = TestRuntime.Create(script.Mock(), TestRuntime.FastRetry(maxDelayMs: 300));

        await SendAsync(runtime, ApiRequest.Get("customers"));

        Assert.Equal(2, script.Attempts);
        Assert.InRange(script.GapMs(0, 1), 250, 5000); // waited (the cap), but nowhere near 20 s
    }

    [Fact]
    public async Task Retry_After_as_an_http_date_is_honoured_and_capped()
    {
        var script = new Script(Status(429, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30))));
        using var runtime = TestRuntime.Create(script.Mock(), TestRuntime.FastRetry(maxDelayMs: 300));

        await SendAsync(runtime, ApiRequest.Get("customers"));

        Assert.Equal(2, script.Attempts);
        Assert.InRange(script.GapMs(0, 1), 250, 5000);
    }

    [Fact]
    public void RetryAfter_reads_deltas_and_dates_and_caps_them()
    {
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
        TimeSpan cap = TimeSpan.FromSeconds(30);
        using var none = new HttpResponseMessage((HttpStatusCode)429);
        using var delta = new HttpResponseMessage((HttpStatusCode)429) { Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)) } };
        using var longDelta = new HttpResponseMessage((HttpStatusCode)429) { Headers = { RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)) } };
        using var date = new HttpResponseMessage((HttpStatusCode)503) { Headers = { RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(10)) } };
        using var pastDate = new HttpResponseMessage((HttpStatusCode)503) { Headers = { RetryAfter = new RetryConditionHeaderValue(now.AddSeconds(-10)) } };

        Assert.Null(RetryRules.RetryAfter(none, cap, now));
        Assert.Equal(TimeSpan.FromSeconds(7), RetryRules.RetryAfter(delta, cap, now));
        Assert.Equal(cap, RetryRules.RetryAfter(longDelta, cap, now));
        Assert.Equal(TimeSpan.FromSeconds(10), RetryRules.RetryAfter(date, cap, now));
        Assert.Equal(TimeSpan.Zero, RetryRules.RetryAfter(pastDate, cap, now));
    }

    [Fact]
    public async Task A_401_with_a_token_that_cannot_be_replaced_is_not_replayed_and_is_terminating()
    {
        var script = new Script(Status(401), Status(401));
        using var runtime = TestRuntime.Create(script.Mock()); // a bare token: no refresh token, no credential

        var ex = await Assert.ThrowsAsync<ApiException>(() => SendAsync(runtime, ApiRequest.Get("customers")));

        Assert.Equal(1, script.Attempts);
        Assert.True(ex.IsTerminating);
        Assert.Equal(ErrorCategory.AuthenticationError, ex.Category);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_retried_or_reported_as_a_timeout()
    {
        var script = new Script(Hangs());
        using var runtime = TestRuntime.Create(script.Mock());
        using var cancel = new CancellationTokenSource();

        // Cancel once the first attempt is on the wire (a fixed delay could fire before it, on a loaded machine).
        Task<object?> sending = runtime.SendForValueAsync(ApiRequest.Get("customers"), null, new RecordingOutput(), cancel.Token);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (script.Attempts == 0 && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(5);
        }

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Equal(1, script.Attempts);
    }
}
