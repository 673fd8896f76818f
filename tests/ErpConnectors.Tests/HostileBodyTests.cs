using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;
using ErpConnectors.Jiwa;
using ErpConnectors.Qics;
using ErpConnectors.Severa;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

/// <summary>
/// Issue 13, items 4 to 6: a page that breaks off mid-body is read again (every row exactly once, in every paging
/// style); a body that is not the JSON the route promises is a categorised error; an error body is read to a cap.
/// </summary>
public class HostileBodyTests
{
    private const string TypeName = "ErpConnectors.Test.Row";

    /// <summary>One paging style: its strategy, where its array sits, whether it is a POST, and a server for it.</summary>
    private static (PagingStrategy Strategy, string? ArrayProperty, ApiRequest Request, Func<HttpRequestMessage, HttpResponseMessage> Server) Style(string style, int total)
    {
        var rows = new RowServer(total);
        return style switch
        {
            "token" => (SeveraApi.TokenPaging(), null, ApiRequest.Get("customers"), rows.TokenPage),
            "offset" => (SeveraApi.RowPaging(), null, ApiRequest.Get("contactpersons"), rows.RowPage),
            "autoquery" => (JiwaApi.AutoQueryPaging(), "Results", ApiRequest.Get("Debtors"), rows.AutoQueryPage(cap: 1000)),
            "odata" => (QicsApi.Paging(), "value", ApiRequest.Get("V3/odata/OverviewCustomer"), request =>
            {
                var query = RowServer.QueryOf(request);
                int top = int.Parse(query["$top"]!, CultureInfo.InvariantCulture);
                int skip = int.Parse(query["$skip"] ?? "0", CultureInfo.InvariantCulture);
                return TestRuntime.Json("{\"@odata.context\":\"x\",\"value\":" + RowServer.Rows(skip, Math.Min(top, total - skip)) + "}");
            }),
            "body" => (new BodyOffsetPaging((limit, offset) => Encoding.UTF8.GetBytes($"{{\"limit\":{limit},\"offset\":{offset}}}")), null,
                new ApiRequest(HttpMethod.Post, "Select") { Idempotent = true }, request =>
            {
                using var body = JsonDocument.Parse(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
                int limit = body.RootElement.GetProperty("limit").GetInt32();
                int offset = body.RootElement.GetProperty("offset").GetInt32();
                return TestRuntime.Json(RowServer.Rows(offset, Math.Min(limit, total - offset)));
            }),
            _ => (new SingleShotPaging(), null, ApiRequest.Get("tasks"), rows.Whole),
        };
    }

    /// <summary>Answers as <paramref name="server"/> does, but the bodies of the calls <paramref name="cutCall"/> picks break off after that many bytes.</summary>
    private static Func<HttpRequestMessage, HttpResponseMessage> Cutting(Func<HttpRequestMessage, HttpResponseMessage> server, Func<int, long?> cutCall, List<string> log, bool endCleanly = false)
    {
        int calls = 0;
        return request =>
        {
            HttpResponseMessage response = server(request);
            int call = Interlocked.Increment(ref calls);
            lock (log)
            {
                log.Add(request.Method + " " + request.RequestUri!.PathAndQuery + (request.Content is null ? string.Empty : " " + request.Content.ReadAsStringAsync().GetAwaiter().GetResult()));
            }

            if (cutCall(call) is { } after)
            {
                byte[] bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
                MediaTypeHeaderValue? type = response.Content.Headers.ContentType;
                response.Content = new StreamContent(new BreakingStream(bytes, after, endCleanly));
                response.Content.Headers.ContentType = type;
            }

            return response;
        };
    }

    private static async Task<(RecordingOutput Output, Task<long> Run)> RunAsync(Func<HttpRequestMessage, HttpResponseMessage> respond, ApiRequest request, PagingStrategy strategy, PageQuery query, int maxRetries = 3)
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(respond);
        var runtime = TestRuntime.Create(mock, TestRuntime.FastRetry(maxRetries));
        var output = new RecordingOutput();
        Task<long> run = Pager.StreamAsync(runtime, request, strategy, query, output, CancellationToken.None);
        try
        {
            await run;
        }
        catch (ApiException)
        {
            // asserted by the caller
        }

        runtime.Dispose();
        return (output, run);
    }

    private static int[] Ids(RecordingOutput output) =>
        output.Objects.Select(o => (int)((PSObject)o!).Properties["id"].Value).ToArray();

    private static PageQuery Query(int pageSize, string? arrayProperty, long? first = null, long skip = 0) =>
        new(TypeName, "Reading rows") { PageSize = pageSize, ArrayProperty = arrayProperty, First = first, Skip = skip };

    [Theory]
    [InlineData("token")]
    [InlineData("offset")]
    [InlineData("autoquery")]
    [InlineData("odata")]
    [InlineData("body")]
    [InlineData("single")]
    public async Task A_page_cut_off_mid_body_is_read_again_and_every_row_comes_exactly_once(string style)
    {
        var (strategy, arrayProperty, request, server) = Style(style, total: 230);
        var log = new List<string>();
        // The second call's body breaks off after 700 bytes: mid-page (about 27 rows of 50), or mid-list for the unpaged style.
        int cut = style == "single" ? 1 : 2;
        var (output, run) = await RunAsync(Cutting(server, call => call == cut ? 700 : null, log), request, strategy, Query(50, arrayProperty));

        Assert.Equal(TaskStatus.RanToCompletion, run.Status);
        Assert.Equal(Enumerable.Range(0, 230), Ids(output));
        Assert.Equal(230, await run);
        Assert.Equal(2, log.Count(call => call == log[cut - 1])); // the broken page was asked for again, exactly as before
        Assert.Contains(output.VerboseLines, line => line.Contains("broke off", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("token")]
    [InlineData("odata")]
    [InlineData("single")]
    public async Task A_page_that_ends_cleanly_inside_a_value_is_read_again_too(string style)
    {
        var (strategy, arrayProperty, request, server) = Style(style, total: 120);
        var log = new List<string>();
        var (output, run) = await RunAsync(Cutting(server, call => call == 1 ? 333 : null, log, endCleanly: true), request, strategy, Query(50, arrayProperty));

        Assert.Equal(TaskStatus.RanToCompletion, run.Status);
        Assert.Equal(Enumerable.Range(0, 120), Ids(output));
    }

    [Fact]
    public async Task Skip_and_First_still_count_each_row_once_across_a_re_read()
    {
        var (strategy, arrayProperty, request, server) = Style("token", total: 200);
        var (output, run) = await RunAsync(Cutting(server, call => call == 1 ? 400 : null, new List<string>()), request, strategy, Query(50, arrayProperty, first: 60, skip: 5));

        Assert.Equal(TaskStatus.RanToCompletion, run.Status);
        Assert.Equal(Enumerable.Range(5, 60), Ids(output));
    }

    [Fact]
    public async Task A_page_that_breaks_off_every_time_ends_the_list_with_a_categorised_error_naming_the_page()
    {
        var (strategy, arrayProperty, request, server) = Style("offset", total: 200);
        var log = new List<string>();
        var (output, run) = await RunAsync(Cutting(server, call => call >= 3 ? 500 : null, log), request, strategy, Query(50, arrayProperty), maxRetries: 2);

        var error = Assert.IsType<ApiException>(run.Exception!.InnerException);
        Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.Category);
        Assert.Equal("Test.PageBrokenOff", error.ErrorId);
        Assert.Contains("Test GET /contactpersons: page 3 (after 100 rows)", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 times", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        // The rows that did arrive went out once each, the broken page's first rows included, and nothing after them.
        int[] ids = Ids(output);
        Assert.Equal(Enumerable.Range(0, ids.Length), ids);
        Assert.InRange(ids.Length, 101, 149);
        Assert.Equal(5, log.Count); // pages 1, 2, then page 3 three times
    }

    [Fact]
    public async Task A_list_read_with_a_request_that_is_not_safe_to_repeat_is_not_read_again()
    {
        var (strategy, arrayProperty, _, server) = Style("body", total: 100);
        var request = new ApiRequest(HttpMethod.Post, "Select"); // a POST not declared a read
        var log = new List<string>();
        var (_, run) = await RunAsync(Cutting(server, call => call == 1 ? 300 : null, log), request, strategy, Query(50, arrayProperty));

        var error = Assert.IsType<ApiException>(run.Exception!.InnerException);
        Assert.Equal("Test.PageBrokenOff", error.ErrorId);
        Assert.Single(log);
    }

    public static TheoryData<string, string, string, string> BadBodies => new()
    {
        // name, content type, body, what the message says
        { "html", "text/html", "<!DOCTYPE html><html><head><title>Sign in to the proxy</title></head><body>Please sign in</body></html>", "not valid JSON" },
        { "text", "application/json", "Service temporarily unavailable", "not valid JSON" },
        { "deep", "application/json", new string('[', 200) + new string(']', 200), "nested deeper" },
        { "object", "application/json", "{\"message\":\"ok\"}", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_list_body_that_is_not_the_promised_JSON_is_a_categorised_error(string name, string contentType, string body, string problem)
    {
        _ = name;
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(contentType, body);
        using var runtime = TestRuntime.Create(mock);

        var error = await Assert.ThrowsAsync<ApiException>(() => Pager.StreamAsync(runtime, ApiRequest.Get("customers"), SeveraApi.TokenPaging(), Query(10, null), new RecordingOutput(), CancellationToken.None));

        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidResult, error.Category);
        Assert.Equal("Test.UnexpectedResponse", error.ErrorId);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Contains("Test GET /customers answered 200 with " + contentType, error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains(body.Substring(0, 10), error.Message, StringComparison.Ordinal); // how the body began
    }

    [Fact]
    public async Task A_truncated_list_body_that_stays_truncated_is_a_categorised_error()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("application/json", "[{\"id\":1},{\"id\":2},{\"id\":");
        using var runtime = TestRuntime.Create(mock, TestRuntime.FastRetry(1));
        var output = new RecordingOutput();

        var error = await Assert.ThrowsAsync<ApiException>(() => Pager.StreamAsync(runtime, ApiRequest.Get("customers"), SeveraApi.RowPaging(), Query(10, null), output, CancellationToken.None));

        Assert.Equal("Test.PageBrokenOff", error.ErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.Category);
        Assert.Equal([1, 2], Ids(output)); // once each, although the page was read twice
    }

    [Fact]
    public async Task An_empty_200_where_a_list_belongs_is_an_error_not_an_empty_list()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([]) });
        using var runtime = TestRuntime.Create(mock);

        var error = await Assert.ThrowsAsync<ApiException>(() => Pager.StreamAsync(runtime, ApiRequest.Get("customers"), SeveraApi.RowPaging(), Query(10, null), new RecordingOutput(), CancellationToken.None));

        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidResult, error.Category);
        Assert.Contains("empty where a list belongs", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Results")]
    public async Task A_list_body_with_a_UTF8_byte_order_mark_is_read(string? arrayProperty)
    {
        string json = arrayProperty is null ? "[{\"id\":1},{\"id\":2}]" : "{\"Total\":2,\"Results\":[{\"id\":1},{\"id\":2}]}";
        string empty = arrayProperty is null ? "[]" : "{\"Total\":2,\"Results\":[]}";
        var mock = new MockHttpMessageHandler();
        // Row paging goes on until an empty page (a server may cap pages silently): the rows, then nothing.
        mock.When("*").Respond(request =>
        {
            string body = request.RequestUri!.Query.Contains("firstRow=", StringComparison.Ordinal) && !request.RequestUri.Query.Contains("firstRow=0", StringComparison.Ordinal) ? empty : json;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(body)]) };
        });
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();

        await Pager.StreamAsync(runtime, ApiRequest.Get("customers"), SeveraApi.RowPaging(), Query(10, arrayProperty), output, CancellationToken.None);

        Assert.Equal([1, 2], Ids(output));
    }

    [Fact]
    public async Task A_record_body_with_a_byte_order_mark_is_read()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0xEF, 0xBB, 0xBF, .. "{\"id\":7}"u8.ToArray()]) };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return response;
        });
        using var runtime = TestRuntime.Create(mock);

        var record = Assert.IsType<PSObject>(await runtime.SendForValueAsync(ApiRequest.Get("customers/7"), TypeName, null, CancellationToken.None));

        Assert.Equal(7, record.Properties["id"].Value);
    }

    [Fact]
    public async Task A_200_HTML_page_to_a_record_read_is_a_categorised_error_not_a_string()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("text/html", "<html><body><form action=\"/login\">Sign in</form></body></html>");
        using var runtime = TestRuntime.Create(mock);

        var error = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(ApiRequest.Get("customers/abc"), TypeName, null, CancellationToken.None));

        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidResult, error.Category);
        Assert.Contains("answered 200 with text/html", error.Message, StringComparison.Ordinal);
        Assert.Contains("<html><body><form", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", "{\"id\":")]
    [InlineData("application/json", "not json at all")]
    [InlineData(null, "<html>")]
    public async Task A_record_body_that_is_broken_or_not_JSON_is_a_categorised_error(string? contentType, string body)
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
            response.Content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
            return response;
        });
        using var runtime = TestRuntime.Create(mock);

        var error = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(ApiRequest.Get("customers/abc"), TypeName, null, CancellationToken.None));

        Assert.Equal("Test.UnexpectedResponse", error.ErrorId);
        Assert.IsNotType<ApiException>(error.InnerException);
    }

    [Theory]
    [InlineData("text/csv", "id;name\n1;a\n")]
    [InlineData("application/xml", "<edmx:Edmx Version=\"4.0\"/>")]
    [InlineData("text/plain", "pong")]
    public async Task The_escape_hatch_still_returns_text_a_route_truly_answers(string contentType, string body)
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(contentType, body);
        using var runtime = TestRuntime.Create(mock);

        Assert.Equal(body, await runtime.SendForValueAsync(ApiRequest.Get("$metadata"), null, null, CancellationToken.None, acceptText: true));
        await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(ApiRequest.Get("$metadata"), null, null, CancellationToken.None));
    }

    [Fact]
    public async Task Not_even_the_escape_hatch_returns_an_HTML_page_as_text()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("text/html", "<html>Sign in</html>");
        using var runtime = TestRuntime.Create(mock);

        await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(ApiRequest.Get("anything"), null, null, CancellationToken.None, acceptText: true));
    }

    [Fact]
    public async Task JSON_labelled_as_HTML_is_still_believed()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("text/html", "{\"id\":3}");
        using var runtime = TestRuntime.Create(mock);

        var record = Assert.IsType<PSObject>(await runtime.SendForValueAsync(ApiRequest.Get("tasks/3"), TypeName, null, CancellationToken.None));
        Assert.Equal(3, record.Properties["id"].Value);
    }

    [Fact]
    public async Task A_record_read_whose_body_breaks_off_is_read_again()
    {
        int calls = 0;
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            byte[] bytes = "{\"id\":5,\"name\":\"a long enough name\"}"u8.ToArray();
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new BreakingStream(bytes, Interlocked.Increment(ref calls) == 1 ? 10 : long.MaxValue)) };
            response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return response;
        });
        using var runtime = TestRuntime.Create(mock);

        var record = Assert.IsType<PSObject>(await runtime.SendForValueAsync(ApiRequest.Get("customers/5"), TypeName, null, CancellationToken.None));

        Assert.Equal(5, record.Properties["id"].Value);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_huge_error_body_is_read_only_up_to_the_cap_on_every_attempt()
    {
        var bodies = new List<HugeStream>();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            var body = new HugeStream(64L * 1024 * 1024);
            lock (bodies)
            {
                bodies.Add(body);
            }

            return new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StreamContent(body, 4096) };
        });
        using var runtime = TestRuntime.Create(mock, TestRuntime.FastRetry(maxRetries: 4));

        var error = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(ApiRequest.Get("customers"), TypeName, null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(5, bodies.Count);
        long read = bodies.Sum(b => b.BytesRead);
        Assert.True(read <= ErrorBody.Cap + 4096, $"{read} bytes of the error bodies were read");
        Assert.True(error.Message.Length < 4000, "the message holds an excerpt, not the body");
    }

    [Fact]
    public async Task A_small_error_body_still_gives_the_vendor_message()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(HttpStatusCode.BadRequest, "application/json", "{\"error\":{\"httpStatusCode\":400,\"type\":\"InvalidParameter\",\"details\":[{\"message\":\"rowCount is too large\"}]}}");
        using var runtime = TestRuntime.Create(mock);

        var error = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(ApiRequest.Get("customers"), TypeName, null, CancellationToken.None));

        Assert.Contains("rowCount is too large", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pager_asks_for_no_page_beyond_the_next_while_the_pipeline_has_not_written_the_previous()
    {
        var server = new RowServer(total: 12);
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(server.TokenPage);
        using var runtime = TestRuntime.Create(mock);
        var output = new HeldOutput();

        Task<long> run = Pager.StreamAsync(runtime, ApiRequest.Get("customers"), SeveraApi.TokenPaging(), Query(3, null), output, CancellationToken.None);

        // The pipeline has written nothing: the pager reads pages 1 and 2, then waits before asking for page 3.
        long waitedFor = await output.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, waitedFor); // page 3 waits for page 1's rows
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(6, output.Emitted);

        output.WriteAll();
        Assert.Equal(12, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(4, server.Requests.Count);
    }

    /// <summary>An output whose pipeline writes nothing until told to: a consumer that is slow, or busy elsewhere.</summary>
    private sealed class HeldOutput : Core.Cmdlets.ICallOutput
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _emitted;

        public TaskCompletionSource<long> Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Emitted => Interlocked.Read(ref _emitted);

        public bool VerboseEnabled => false;

        public bool DebugEnabled => false;

        public bool ProgressEnabled => false;

        public void WriteAll() => _released.TrySetResult();

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
        }

        public void Progress(ProgressRecord record)
        {
        }

        public void Error(ErrorRecord record)
        {
        }

        public ValueTask WriteObjectAsync(object? value, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _emitted);
            return default;
        }

        public ValueTask WriteObjectsAsync(object?[] values, int count, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref _emitted, count);
            Check();
            return default;
        }

        public async ValueTask WhenWrittenAsync(long count, CancellationToken cancellationToken)
        {
            if (count == 0)
            {
                return;
            }

            Interlocked.CompareExchange(ref _waitedFor, count, 0);
            Check();
            await _released.Task.WaitAsync(cancellationToken);
        }

        private long _waitedFor;

        // Both have happened: pages 1 and 2 went out, and the pager waits before asking for page 3.
        private void Check()
        {
            if (Emitted >= 6 && Interlocked.Read(ref _waitedFor) is > 0 and var count)
            {
                Waiting.TrySetResult(count);
            }
        }
    }
}
