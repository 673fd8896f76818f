using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Web;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;
using ErpConnectors.Qics;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

public class QicsTests
{
    private static PageQuery Query(int pageSize, long? first = null) =>
        new("ErpConnectors.Qics.OverviewCustomer", "Reading") { PageSize = pageSize, First = first, ArrayProperty = QicsApi.ValueProperty };

    private static int[] Ids(RecordingOutput output) => output.Objects.Select(o => (int)((PSObject)o!).Properties["id"].Value).ToArray();

    [Fact]
    public async Task OData_paging_always_sends_top_and_skips_until_an_empty_page()
    {
        var mock = new MockHttpMessageHandler();
        var queries = new List<System.Collections.Specialized.NameValueCollection>();
        mock.When("https://erp.test/api/v1/*").Respond(request =>
        {
            var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
            queries.Add(query);
            int top = int.Parse(query["$top"]!, System.Globalization.CultureInfo.InvariantCulture);
            int skip = int.Parse(query["$skip"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            return TestRuntime.Json("{\"@odata.context\":\"x\",\"value\":" + RowServer.Rows(skip, Math.Min(top, 7 - skip)) + "}");
        });
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();

        await Pager.StreamAsync(runtime, ApiRequest.Get("V3/odata/OverviewCustomer"), QicsApi.Paging(), Query(3), output, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 7), Ids(output));
        Assert.Equal(new[] { "3", "3", "3", "3" }, queries.Select(q => q["$top"]));
        Assert.Equal(new[] { null, "3", "6", "7" }, queries.Select(q => q["$skip"])); // the short page is not trusted to be the last
    }

    [Fact]
    public async Task A_server_capping_top_silently_is_paged_to_the_end()
    {
        var mock = new MockHttpMessageHandler();
        var skips = new List<string?>();
        mock.When("https://erp.test/api/v1/*").Respond(request =>
        {
            var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
            skips.Add(query["$skip"]);
            int skip = int.Parse(query["$skip"] ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            return TestRuntime.Json("{\"value\":" + RowServer.Rows(skip, Math.Max(0, Math.Min(2, 7 - skip))) + "}"); // 2 rows whatever $top says
        });
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();

        await Pager.StreamAsync(runtime, ApiRequest.Get("V3/odata/OverviewCustomer"), QicsApi.Paging(), Query(5), output, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 7), Ids(output));
        Assert.Equal(new[] { null, "2", "4", "6", "7" }, skips);
    }

    [Theory]
    [InlineData("http://localhost:8400/", "http://localhost:8400/?erp_state=s%201")]
    [InlineData("http://localhost:8400/cb?tenant=3", "http://localhost:8400/cb?tenant=3&erp_state=s%201")]
    public void The_state_rides_in_the_redirect_uris_own_query(string redirect, string expected) =>
        Assert.Equal(expected, QicsApi.RedirectWithState(new Uri(redirect), "s 1").AbsoluteUri);

    [Fact]
    public async Task A_nextLink_is_followed_as_given_and_its_absence_ends_the_list()
    {
        var mock = new MockHttpMessageHandler();
        var urls = new List<string>();
        mock.When("https://erp.test/api/v1/*").Respond(request =>
        {
            urls.Add(request.RequestUri!.PathAndQuery);
            string? page = HttpUtility.ParseQueryString(request.RequestUri.Query)["page"];
            return page switch
            {
                null => TestRuntime.Json("{\"value\":" + RowServer.Rows(0, 2) + ",\"@odata.nextLink\":\"https://erp.test/api/v1/V3/odata/OverviewCustomer?page=2\"}"),
                "2" => TestRuntime.Json("{\"value\":" + RowServer.Rows(2, 2) + ",\"@odata.nextLink\":\"OverviewCustomer?page=3\"}"), // relative
                _ => TestRuntime.Json("{\"value\":" + RowServer.Rows(4, 2) + "}"),
            };
        });
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();

        await Pager.StreamAsync(runtime, ApiRequest.Get("V3/odata/OverviewCustomer"), QicsApi.Paging(), Query(2), output, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 6), Ids(output));
        Assert.Equal(new[] { "/api/v1/V3/odata/OverviewCustomer?%24top=2", "/api/v1/V3/odata/OverviewCustomer?page=2", "/api/v1/V3/odata/OverviewCustomer?page=3" }, urls);
    }

    [Fact]
    public async Task A_nextLink_to_another_host_is_refused_and_nothing_is_sent_there()
    {
        var mock = new MockHttpMessageHandler();
        int foreign = 0;
        mock.When("https://evil.test/*").Respond(_ => { foreign++; return TestRuntime.Json("{\"value\":[]}"); });
        mock.When("https://erp.test/api/v1/*").Respond(_ => TestRuntime.Json("{\"value\":" + RowServer.Rows(0, 2) + ",\"@odata.nextLink\":\"https://evil.test/steal\"}"));
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();

        var error = await Assert.ThrowsAsync<ApiException>(() => Pager.StreamAsync(runtime, ApiRequest.Get("V3/odata/OverviewCustomer"), QicsApi.Paging(), Query(2), output, CancellationToken.None));

        Assert.Equal(ErrorCategory.SecurityError, error.Category);
        Assert.Equal(0, foreign);
        Assert.Equal(2, output.Objects.Count);
    }

    [Fact]
    public async Task A_bare_array_answer_pages_like_an_envelope()
    {
        var mock = new MockHttpMessageHandler();
        int calls = 0;
        mock.When("https://erp.test/api/v1/*").Respond(_ => TestRuntime.Json(++calls switch { 1 => RowServer.Rows(0, 2), 2 => RowServer.Rows(2, 1), _ => "[]" }));
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();

        await Pager.StreamAsync(runtime, ApiRequest.Get("V3/odata/OverviewCustomer"), QicsApi.Paging(), Query(2), output, CancellationToken.None);

        Assert.Equal(3, output.Objects.Count);
        Assert.Equal(3, calls); // the short page is not the end: the empty one is
    }

    private static (Core.Connections.ConnectionRuntime Runtime, QicsConnection Connection, QicsTokenProvider Provider) CreateQics(MockHttpMessageHandler mock)
    {
        var connection = new QicsConnection(new Uri("https://qics.test/api"), "client-1", 3, null);
        var (runtime, provider) = QicsSession.Create(connection, SecretText.Protect("client-secret"), SecretText.Protect("the-api-key"), () => mock, TestRuntime.FastRetry());
        return (runtime, connection, provider);
    }

    [Fact]
    public async Task Every_refresh_rotates_the_refresh_token_the_connection_hands_out()
    {
        var mock = new MockHttpMessageHandler();
        var forms = new List<System.Collections.Specialized.NameValueCollection>();
        int issued = 0;
        mock.When(HttpMethod.Post, "https://qics.test/api/oauth2/oauth2/token").Respond(request =>
        {
            Assert.Equal("application/x-www-form-urlencoded", request.Content!.Headers.ContentType!.MediaType);
            forms.Add(HttpUtility.ParseQueryString(request.Content.ReadAsStringAsync().Result));
            issued++;
            return TestRuntime.Json($"{{\"access_token\":\"access-{issued}\",\"token_type\":\"bearer\",\"expires_in\":3600,\"refresh_token\":\"refresh-{issued}\"}}");
        });
        mock.When("https://qics.test/api/V3/*").Respond(request =>
        {
            Assert.Equal("the-api-key", request.Headers.GetValues("api-key").Single());
            Assert.Equal("3", request.Headers.GetValues("tenant-id").Single());
            return request.Headers.Authorization!.Parameter == "access-2"
                ? TestRuntime.Json("{\"value\":[]}")
                : TestRuntime.Json("{\"error\":{\"code\":\"Unauthorized\",\"message\":\"expired\"}}", HttpStatusCode.Unauthorized);
        });
        var (runtime, connection, provider) = CreateQics(mock);
        using var _ = runtime;
        provider.UseAuthorizationCode("one-time-code", new Uri("http://localhost:8400/"));

        await runtime.Tokens.GetAsync(null, CancellationToken.None);
        Assert.Equal("refresh-1", SecretText.Use(connection.RefreshToken!, t => t));
        Assert.Equal(0, connection.RefreshCount);

        await runtime.SendForValueAsync(ApiRequest.Get("V3/odata/Customer"), null, null, CancellationToken.None);

        Assert.Equal("refresh-2", SecretText.Use(connection.RefreshToken!, t => t)); // the newest, for the runbook to store
        Assert.Equal(1, connection.RefreshCount);
        Assert.Equal("authorization_code", forms[0]["grant_type"]);
        Assert.Equal("one-time-code", forms[0]["code"]);
        Assert.Equal("http://localhost:8400/", forms[0]["redirect_uri"]);
        Assert.Equal("client-secret", forms[0]["client_secret"]);
        Assert.Equal("refresh_token", forms[1]["grant_type"]);
        Assert.Equal("refresh-1", forms[1]["refresh_token"]);
    }

    [Fact]
    public async Task Fifty_concurrent_callers_with_an_expired_token_refresh_once()
    {
        var mock = new MockHttpMessageHandler();
        int grants = 0;
        mock.When(HttpMethod.Post, "https://qics.test/api/oauth2/oauth2/token").Respond(_ =>
        {
            int n = Interlocked.Increment(ref grants);
            Thread.Sleep(20);
            return TestRuntime.Json($"{{\"access_token\":\"access-{n}\",\"expires_in\":3600,\"refresh_token\":\"refresh-{n}\"}}");
        });
        // The first access token has expired on the server: every caller is refused once.
        mock.When("https://qics.test/api/V3/*").Respond(request => request.Headers.Authorization!.Parameter == "access-1"
            ? TestRuntime.Json("{\"error\":{\"code\":\"Unauthorized\",\"message\":\"expired\"}}", HttpStatusCode.Unauthorized)
            : TestRuntime.Json("{\"value\":[]}"));
        var (runtime, connection, provider) = CreateQics(mock);
        using var _ = runtime;
        provider.UseRefreshToken(SecretText.Protect("stored"));
        await runtime.Tokens.GetAsync(null, CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => runtime.SendForValueAsync(ApiRequest.Get("V3/odata/Customer"), null, null, CancellationToken.None))));

        Assert.Equal(2, grants); // the connect, then one refresh for all fifty
        Assert.Equal("refresh-2", SecretText.Use(connection.RefreshToken!, t => t));
    }

    [Fact]
    public async Task A_dead_refresh_token_is_a_clear_terminating_error()
    {
        var mock = new MockHttpMessageHandler();
        int calls = 0;
        mock.When(HttpMethod.Post, "https://qics.test/api/oauth2/oauth2/token").Respond(_ =>
        {
            calls++;
            return TestRuntime.Json("{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token was already used.\"}", HttpStatusCode.BadRequest);
        });
        var (runtime, _, provider) = CreateQics(mock);
        using var __ = runtime;
        provider.UseRefreshToken(SecretText.Protect("stale"));

        var error = await Assert.ThrowsAsync<ApiException>(async () => await runtime.Tokens.GetAsync(null, CancellationToken.None));

        Assert.Equal(1, calls); // never replayed: a token request that reached the server may have rotated
        Assert.Contains("invalid_grant: The refresh token was already used.", error.Message, StringComparison.Ordinal);
        Assert.Contains("newest", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_loopback_listener_answers_the_browser_and_ignores_strangers()
    {
        using var listener = LoopbackRedirectListener.Start(null);
        Assert.Equal("localhost", listener.RedirectUri.Host);
        Task<IReadOnlyDictionary<string, string>> wait = listener.WaitAsync("s1", QicsApi.RedirectStateParameter, q => q.ContainsKey("code") ? "Signed in." : "Refused.", CancellationToken.None);
        int port = listener.RedirectUri.Port;
        using var http = new HttpClient();

        var favicon = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/favicon.ico"));
        var forged = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/?code=evil&state=other"));
        var real = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/?code=abc%2B1&state=s1"));

        Assert.Equal(HttpStatusCode.NotFound, favicon.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Contains("Signed in.", await real.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var query = await wait;
        Assert.Equal("abc+1", query["code"]);
    }

    [Theory]
    [InlineData("?erp_state=s1&code=abc")] // a server that keeps redirect_uri's query but does not echo state
    [InlineData("?code=abc&state=s1")] // one that echoes state only
    [InlineData("?erp_state=s1&code=abc&state=s1")] // both
    public async Task The_listener_takes_the_state_from_either_place(string query)
    {
        using var listener = LoopbackRedirectListener.Start(null);
        Task<IReadOnlyDictionary<string, string>> wait = listener.WaitAsync("s1", QicsApi.RedirectStateParameter, _ => "Signed in.", CancellationToken.None);
        using var http = new HttpClient();

        var forged = await http.GetAsync(new Uri($"http://127.0.0.1:{listener.RedirectUri.Port}/?erp_state=other&code=evil"));
        var real = await http.GetAsync(new Uri($"http://127.0.0.1:{listener.RedirectUri.Port}/{query}"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal("abc", (await wait)["code"]);
    }

    [Fact]
    public async Task Cancelling_the_wait_ends_it_and_frees_the_port()
    {
        using var cancel = new CancellationTokenSource();
        var listener = LoopbackRedirectListener.Start(null);
        int port = listener.RedirectUri.Port;
        Task wait = listener.WaitAsync("s", QicsApi.RedirectStateParameter, _ => string.Empty, cancel.Token);
        cancel.CancelAfter(50);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        listener.Dispose();
        using var again = new TcpListener(IPAddress.Loopback, port);
        again.Start(); // free again
    }

    [Theory]
    [InlineData("https://localhost:8400/")]
    [InlineData("http://example.com:8400/")]
    [InlineData("http://localhost/")]
    public void A_redirect_uri_off_this_machine_or_without_a_port_is_refused(string uri) =>
        Assert.Throws<ArgumentException>(() => LoopbackRedirectListener.Start(new Uri(uri)));

    [Fact]
    public void BROWSER_commands_take_the_url_where_percent_s_is_or_at_the_end()
    {
        Assert.Equal(new[] { "firefox", "w3m -dump %s" }, BrowserLauncher.Commands("firefox:w3m -dump %s"));
        var plain = BrowserLauncher.StartInfo("firefox", "http://x/?a=1&b=2");
        Assert.Equal("firefox", plain.FileName);
        Assert.Equal("\"http://x/?a=1&b=2\"", plain.Arguments);
        var placed = BrowserLauncher.StartInfo("w3m -dump %s -no-cookie", "http://x/");
        Assert.Equal("w3m", placed.FileName);
        Assert.Equal("-dump http://x/ -no-cookie", placed.Arguments);
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData(" yes ", true)]
    [InlineData("0", false)]
    [InlineData("", false)]
    public void Csv_text_becomes_a_boolean(string text, bool expected) =>
        Assert.Equal(expected, new BooleanTextAttribute().Transform(null!, text));

    [Fact]
    public void Other_text_is_not_a_boolean() =>
        Assert.Throws<ArgumentTransformationMetadataException>(() => new BooleanTextAttribute().Transform(null!, "maybe"));

    [Theory]
    [InlineData("Customer", true)]
    [InlineData("OverviewCustomer", true)]
    [InlineData("Customer(5)", false)]
    [InlineData("../oauth2", false)]
    [InlineData("Customer?$top=1", false)]
    public void Entity_names_are_plain_path_segments(string entity, bool valid) =>
        Assert.Equal(valid, QicsApi.IsValidEntityName(entity));

    [Fact]
    public void OData_string_literals_double_their_quotes() =>
        Assert.Equal("'O''Brien'", QicsApi.Literal("O'Brien"));
}
