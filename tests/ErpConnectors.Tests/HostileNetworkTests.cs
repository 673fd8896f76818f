using System.Collections.Concurrent;
using System.Management.Automation;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Http;
using ErpConnectors.Core.Requests;
using ErpConnectors.Severa;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

/// <summary>
/// The core on a hostile network (design: "When the network is hostile"): redirects, stalled and trickling bodies,
/// silent servers, gateways that echo the request, and routes that leave the API root.
/// </summary>
public class HostileNetworkTests
{
    private const string Base = "https://erp.test/api/v1";
    private const string Elsewhere = "https://elsewhere.test";

    private static HttpResponseMessage Redirect(int status, string location)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    private static Task<object?> GetAsync(ConnectionRuntime runtime, string path) =>
        runtime.SendForValueAsync(ApiRequest.Get(path), null, new RecordingOutput(), CancellationToken.None);

    [Fact]
    public async Task A_same_origin_redirect_of_a_read_is_followed_with_the_credentials()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Base + "/customers").Respond(_ => Redirect(302, "/api/v1/customers-moved"));
        string? carried = null;
        mock.When(HttpMethod.Get, Base + "/customers-moved").Respond(r =>
        {
            carried = r.Headers.Authorization?.ToString();
            return TestRuntime.Json("[{\"id\":1}]");
        });
        using var runtime = TestRuntime.Create(mock);

        var rows = Assert.IsType<object?[]>(await GetAsync(runtime, "customers"));

        Assert.Single(rows);
        Assert.Equal("Bearer fixed-token", carried);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_to_another_origin_is_an_error_naming_both_addresses_and_nothing_goes_there(int status)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Base + "/customers").Respond(_ => Redirect(status, Elsewhere + "/steal?x=1"));
        var elsewhere = mock.When(Elsewhere + "/*").Respond(_ => TestRuntime.Json("[]"));
        using var runtime = TestRuntime.Create(mock);

        var ex = await Assert.ThrowsAsync<ApiException>(() => GetAsync(runtime, "customers"));

        Assert.Equal(ErrorCategory.SecurityError, ex.Category);
        Assert.Equal("Test.RedirectRefused", ex.ErrorId);
        Assert.Contains(Base + "/customers", ex.Message, StringComparison.Ordinal);
        Assert.Contains(Elsewhere + "/steal", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, mock.GetMatchCount(elsewhere));
    }

    [Theory]
    [InlineData("http://erp.test/api/v1/customers")] // another scheme
    [InlineData("https://erp.test:8443/api/v1/customers")] // another port
    [InlineData("https://user:pw@erp.test/api/v1/customers")] // credentials in the address
    public async Task Another_scheme_or_port_is_another_origin(string location)
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Base + "/customers").Respond(_ => Redirect(307, location));
        using var runtime = TestRuntime.Create(mock);

        var ex = await Assert.ThrowsAsync<ApiException>(() => GetAsync(runtime, "customers"));

        Assert.Equal("Test.RedirectRefused", ex.ErrorId);
        Assert.DoesNotContain("pw", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirected_write_is_refused_even_on_the_same_origin()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, Base + "/workhours").Respond(_ => Redirect(307, Base + "/workhours2"));
        var moved = mock.When(Base + "/workhours2").Respond(_ => TestRuntime.Json("{}"));
        using var runtime = TestRuntime.Create(mock);
        var post = new ApiRequest(HttpMethod.Post, "workhours") { Body = "{\"a\":1}"u8.ToArray() };

        var ex = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(post, null, null, CancellationToken.None));

        Assert.Equal("Test.RedirectRefused", ex.ErrorId);
        Assert.Contains("POST", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, mock.GetMatchCount(moved));
    }

    [Fact]
    public async Task A_redirect_loop_ends_after_a_few_hops()
    {
        var mock = new MockHttpMessageHandler();
        var loop = mock.When(HttpMethod.Get, Base + "/customers").Respond(_ => Redirect(302, Base + "/customers"));
        using var runtime = TestRuntime.Create(mock);

        var ex = await Assert.ThrowsAsync<ApiException>(() => GetAsync(runtime, "customers"));

        Assert.Equal("Test.RedirectRefused", ex.ErrorId);
        Assert.Equal(1 + RedirectHandler.MaxHops, mock.GetMatchCount(loop));
    }

    [Fact]
    public async Task A_redirected_sign_in_is_refused_and_the_secret_goes_nowhere_else()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, TestRuntime.SeveraBase + "/token").Respond(_ => Redirect(307, TestRuntime.SeveraBase + "/token-elsewhere"));
        var moved = mock.When(TestRuntime.SeveraBase + "/token-elsewhere").Respond(_ => TestRuntime.Json("{\"access_token\":\"x\"}"));
        var (runtime, _) = TestRuntime.CreateSevera(mock);
        using var __ = runtime;

        var ex = await Assert.ThrowsAsync<ApiException>(async () => await runtime.Tokens.GetAsync(null, CancellationToken.None));

        Assert.Equal("Severa.RedirectRefused", ex.ErrorId);
        Assert.Contains("sign-in", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, mock.GetMatchCount(moved));
    }

    [Fact]
    public async Task A_body_that_stops_mid_way_ends_with_a_categorised_timeout()
    {
        var mock = new MockHttpMessageHandler();
        var never = new TaskCompletionSource();
        mock.When(HttpMethod.Get, Base + "/customers").Respond(_ => Body(new GatedStream("[{\"id\":1},"u8.ToArray(), "{\"id\":2}]"u8.ToArray(), never.Task)));
        using var runtime = TestRuntime.Create(mock, Deadlines(idleMs: 200, totalMs: 60_000));

        var ex = await Assert.ThrowsAsync<ApiException>(() => GetAsync(runtime, "customers"));

        Assert.Equal(ErrorCategory.OperationTimeout, ex.Category);
        Assert.Equal("Test.Timeout", ex.ErrorId);
        Assert.Contains("stalled", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_list_page_ends_the_list_with_a_categorised_timeout()
    {
        var mock = new MockHttpMessageHandler();
        var never = new TaskCompletionSource();
        mock.When(HttpMethod.Get, Base + "/customers").Respond(_ => Body(new GatedStream("[{\"id\":1},"u8.ToArray(), "{\"id\":2}]"u8.ToArray(), never.Task)));
        using var runtime = TestRuntime.Create(mock, Deadlines(idleMs: 200, totalMs: 60_000));
        using HttpResponseMessage response = await runtime.SendAsync(ApiRequest.Get("customers"), null, CancellationToken.None);
        using var elements = await ConnectionRuntime.OpenElementsAsync(response, null, null);

        Assert.True((await elements.ReadNextAsync(CancellationToken.None)).Found);
        var ex = await Assert.ThrowsAsync<ApiException>(async () => await elements.ReadNextAsync(CancellationToken.None));
        Assert.Equal(ErrorCategory.OperationTimeout, ex.Category);
    }

    [Fact]
    public async Task A_body_that_trickles_forever_ends_at_the_total_deadline()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Base + "/customers").Respond(_ => Body(new EndlessTrickle()));
        using var runtime = TestRuntime.Create(mock, Deadlines(idleMs: 5_000, totalMs: 300));

        var ex = await Assert.ThrowsAsync<ApiException>(() => GetAsync(runtime, "customers"));

        Assert.Equal(ErrorCategory.OperationTimeout, ex.Category);
        Assert.Contains("total timeout", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silent_server_is_tried_twice_not_five_times()
    {
        var mock = new MockHttpMessageHandler();
        var silent = mock.When(HttpMethod.Get, Base + "/customers");
        silent.Respond(async () =>
        {
            await Task.Delay(Timeout.Infinite);
            return TestRuntime.Json("[]");
        });
        var settings = Deadlines(idleMs: 100, totalMs: 60_000);
        settings.MaxRetries = 4;
        using var runtime = TestRuntime.Create(mock, settings);

        var ex = await Assert.ThrowsAsync<ApiException>(() => GetAsync(runtime, "customers"));

        Assert.Equal(ErrorCategory.OperationTimeout, ex.Category);
        Assert.Contains("idle timeout", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1 + settings.MaxTimeoutRetries, mock.GetMatchCount(silent));
    }

    [Fact]
    public async Task A_write_that_timed_out_says_it_may_have_been_applied_and_how_to_check()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, Base + "/workhours").Respond(async () =>
        {
            await Task.Delay(Timeout.Infinite);
            return TestRuntime.Json("{}");
        });
        using var runtime = TestRuntime.Create(mock, Deadlines(idleMs: 100, totalMs: 60_000));
        var post = new ApiRequest(HttpMethod.Post, "workhours") { Body = "{\"a\":1}"u8.ToArray() };

        var ex = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(post, null, null, CancellationToken.None));

        Assert.Equal(ErrorCategory.OperationTimeout, ex.Category);
        Assert.Contains("may have applied", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Read the record again", ex.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_echoing_the_sign_in_never_puts_the_secret_into_the_message()
    {
        const string secret = "p@ss\"w0rd-very-secret";
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, TestRuntime.SeveraBase + "/token").Respond(async request =>
        {
            string body = await request.Content!.ReadAsStringAsync();
            // An echo as gateways write it: the body as a JSON string (escaped), and raw in a text line.
            string echoed = "{\"message\":\"Bad gateway\",\"request\":{\"body\":" + System.Text.Json.JsonSerializer.Serialize(body) + "}}\nraw: " + body;
            return TestRuntime.Text(echoed, HttpStatusCode.BadGateway);
        });
        var (runtime, _) = TestRuntime.CreateSevera(mock, secret: secret);
        using var __ = runtime;

        var ex = await Assert.ThrowsAsync<ApiException>(async () => await runtime.Tokens.GetAsync(null, CancellationToken.None));

        Assert.DoesNotContain("w0rd-very-secret", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Bad gateway", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_echoing_a_data_call_never_puts_its_token_into_the_message()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Base + "/customers").Respond(request =>
            TestRuntime.Text("upstream failed for request with Authorization: " + request.Headers.Authorization, HttpStatusCode.BadRequest));
        using var runtime = TestRuntime.Create(mock);

        var ex = await Assert.ThrowsAsync<ApiException>(() => GetAsync(runtime, "customers"));

        Assert.DoesNotContain("fixed-token", ex.Message, StringComparison.Ordinal);
        Assert.Contains("upstream failed", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../jiwa/auth")]
    [InlineData("customers/../../../jiwa/auth")]
    [InlineData("%2e%2e/%2E%2E/jiwa/auth")]
    [InlineData("%252e%252e/jiwa/auth")]
    [InlineData("..\\..\\jiwa\\auth")]
    [InlineData("http://elsewhere.test/x")]
    [InlineData("//elsewhere.test/x")]
    public void Paths_that_leave_the_api_root_are_refused(string path) =>
        Assert.NotNull(RelativePath.Problem(path));

    [Theory]
    [InlineData("customers")]
    [InlineData("invoices/abc/invoicerows?x=..")]
    [InlineData("a..b/c")]
    public void Paths_under_the_api_root_are_accepted(string path) =>
        Assert.Null(RelativePath.Problem(path));

    [Fact]
    public async Task A_route_that_resolves_outside_the_root_is_never_sent()
    {
        var mock = new MockHttpMessageHandler();
        var outside = mock.When("https://erp.test/jiwa/auth").Respond(_ => TestRuntime.Json("{}"));
        using var runtime = TestRuntime.Create(mock);

        var ex = await Assert.ThrowsAsync<ApiException>(() => GetAsync(runtime, "../../jiwa/auth"));

        Assert.Equal(ErrorCategory.SecurityError, ex.Category);
        Assert.Equal(0, mock.GetMatchCount(outside));
    }

    [Fact]
    public async Task A_request_takes_its_token_when_it_leaves_the_pacer()
    {
        // One request a second: the second and third wait in the queue. Every token is stale at once, so each request
        // gets a new one; taken before the queue, a request would arrive with an older token than one issued after it.
        var provider = new CountingProvider();
        var arrived = new ConcurrentQueue<(string Token, int Issued)>();
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Base + "/customers").Respond(r =>
        {
            arrived.Enqueue((r.Headers.Authorization!.Parameter!, Volatile.Read(ref provider.Issued)));
            return TestRuntime.Json("[]");
        });
        using var runtime = new ConnectionRuntime(new RuntimeOptions("Test", new Uri(Base), new SeveraErrorParser())
        {
            PrimaryHandler = () => mock,
            Retry = TestRuntime.FastRetry(),
            Pacer = new SlidingWindowPacer(1, TimeSpan.FromSeconds(1)),
        });
        runtime.UseTokens(new TokenManager(provider));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => GetAsync(runtime, "customers")));

        Assert.Equal(3, arrived.Count);
        Assert.All(arrived, a => Assert.Equal("T" + a.Issued, a.Token)); // each carried the newest token there was
    }

    [Fact]
    public async Task A_replay_refused_because_its_token_was_replaced_meanwhile_goes_again_with_the_current_one()
    {
        var provider = new RenewingProvider();
        TokenManager? tokens = null;
        var seen = new ConcurrentQueue<string>();
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, Base + "/customers").Respond(async r =>
        {
            string token = r.Headers.Authorization!.Parameter!;
            seen.Enqueue(token);
            if (token == "T2")
            {
                // Another caller renews while this replay is on its way; the server has already dropped T2.
                await tokens!.RenewAfterRejectionAsync(tokens.Current!, null, CancellationToken.None);
            }

            return token == "T3" ? TestRuntime.Json("[]") : new HttpResponseMessage(HttpStatusCode.Unauthorized);
        });
        using var runtime = new ConnectionRuntime(new RuntimeOptions("Test", new Uri(Base), new SeveraErrorParser()) { PrimaryHandler = () => mock, Retry = TestRuntime.FastRetry() });
        tokens = new TokenManager(provider);
        runtime.UseTokens(tokens);

        Assert.Empty(Assert.IsType<object?[]>(await GetAsync(runtime, "customers")));

        Assert.Equal(["T1", "T2", "T3"], seen);
        Assert.Equal(3, provider.Issued); // T2 by this call's renewal, T3 by the other caller's: none twice
    }

    private static RetrySettings Deadlines(int idleMs, int totalMs)
    {
        RetrySettings settings = TestRuntime.FastRetry(attemptTimeoutMs: idleMs);
        settings.TotalTimeout = TimeSpan.FromMilliseconds(totalMs);
        return settings;
    }

    private static HttpResponseMessage Body(Stream stream)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return response;
    }

    /// <summary>A token that is stale as soon as it is issued: every request needs a new one.</summary>
    private sealed class CountingProvider : ITokenProvider
    {
        public int Issued;

        public bool CanReauthenticate => true;

        public Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken)
        {
            int n = Interlocked.Increment(ref Issued);
            var now = DateTimeOffset.UtcNow;
            return Task.FromResult(new TokenSet("T" + n, now.AddSeconds(-10), now));
        }

        public Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken) => Task.FromResult<TokenSet?>(null);

        public void Apply(HttpRequestMessage request, TokenSet token) =>
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    /// <summary>Tokens without a known expiry: renewed only when the server refuses one.</summary>
    private sealed class RenewingProvider : ITokenProvider
    {
        public int Issued;

        public bool CanReauthenticate => true;

        public Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken) =>
            Task.FromResult(new TokenSet("T" + Interlocked.Increment(ref Issued), DateTimeOffset.UtcNow, null));

        public Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken) => Task.FromResult<TokenSet?>(null);

        public void Apply(HttpRequestMessage request, TokenSet token) =>
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    /// <summary>One byte at a time, quickly enough for the idle deadline, and never an end.</summary>
    private sealed class EndlessTrickle : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            await Task.Delay(20, cancellationToken);
            buffer.Span[0] = (byte)' ';
            return 1;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
