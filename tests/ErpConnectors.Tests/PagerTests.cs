using System.Management.Automation;
using System.Net;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;
using ErpConnectors.Severa;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

public class PagerTests
{
    private const string TypeName = "ErpConnectors.Test.Row";

    private static async Task<(RecordingOutput Output, long Emitted)> StreamAsync(
        Func<HttpRequestMessage, HttpResponseMessage> respond, ApiRequest request, PagingStrategy strategy, PageQuery query)
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://erp.test/api/v1/*").Respond(respond);
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();
        long emitted = await Pager.StreamAsync(runtime, request, strategy, query, output, CancellationToken.None);
        return (output, emitted);
    }

    private static int[] Ids(RecordingOutput output) =>
        output.Objects.Select(o => (int)((PSObject)o!).Properties["id"].Value).ToArray();

    private static PageQuery Query(int pageSize, long? first = null, long skip = 0, string? arrayProperty = null) =>
        new(TypeName, "Reading rows") { PageSize = pageSize, First = first, Skip = skip, ArrayProperty = arrayProperty };

    [Fact]
    public async Task Token_paging_follows_NextPageToken_and_keeps_every_other_parameter()
    {
        var server = new RowServer(total: 7);
        var request = ApiRequest.Get("customers")
            .Add("changedSince", new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc))
            .Add("textToSearch", "a&b c");

        var (output, emitted) = await StreamAsync(server.TokenPage, request, SeveraApi.TokenPaging(), Query(pageSize: 3));

        Assert.Equal(7, emitted);
        Assert.Equal(Enumerable.Range(0, 7), Ids(output));
        var requests = server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Null(requests[0]["pageToken"]);
        Assert.Equal("cursor-3", requests[1]["pageToken"]);
        Assert.Equal("cursor-6", requests[2]["pageToken"]);
        foreach (var query in requests)
        {
            Assert.Equal("3", query["rowCount"]);
            Assert.Equal("2024-03-01T00:00:00.000Z", query["changedSince"]);
            Assert.Equal("a&b c", query["textToSearch"]);
            Assert.Single(query.GetValues("rowCount")!);
            Assert.True(query.GetValues("pageToken") is null or { Length: 1 }, "pageToken must be replaced, not repeated");
        }
    }

    [Fact]
    public async Task Token_paging_ends_when_the_header_is_absent()
    {
        var server = new RowServer(total: 2);
        var (output, _) = await StreamAsync(server.TokenPage, ApiRequest.Get("customers"), SeveraApi.TokenPaging(), Query(pageSize: 100));

        Assert.Equal(new[] { 0, 1 }, Ids(output));
        Assert.Single(server.Requests);
        Assert.Equal("100", server.Requests[0]["rowCount"]);
    }

    [Fact]
    public async Task Row_paging_advances_firstRow_by_the_rows_received_and_stops_only_on_an_empty_page()
    {
        var server = new RowServer(total: 8);
        var (output, emitted) = await StreamAsync(server.RowPage, ApiRequest.Get("contactpersons"), SeveraApi.RowPaging(), Query(pageSize: 3));

        Assert.Equal(8, emitted);
        Assert.Equal(Enumerable.Range(0, 8), Ids(output));
        var requests = server.Requests;
        Assert.Equal(4, requests.Count); // 3 + 3 + 2 + 0: a short page may be a server's cap, only the empty one ends the list
        Assert.Equal(new string?[] { null, "3", "6", "8" }, requests.Select(q => q["firstRow"]));
        Assert.All(requests, q => Assert.Equal("3", q["rowCount"]));
    }

    [Fact]
    public async Task Row_paging_loses_no_row_when_the_server_cuts_pages_below_the_size_asked()
    {
        var server = new RowServer(total: 250);
        var (output, _) = await StreamAsync(server.CappedRowPage(100), ApiRequest.Get("contactpersons"), SeveraApi.RowPaging(), Query(pageSize: 1000));

        Assert.Equal(Enumerable.Range(0, 250), Ids(output));
        Assert.Equal(new string?[] { null, "100", "200", "250" }, server.Requests.Select(q => q["firstRow"]));
    }

    [Fact]
    public async Task Offset_paging_by_default_still_ends_on_a_short_page()
    {
        var server = new RowServer(total: 8);
        var (output, _) = await StreamAsync(server.RowPage, ApiRequest.Get("rows"), new OffsetPaging("firstRow", "rowCount"), Query(pageSize: 3));

        Assert.Equal(Enumerable.Range(0, 8), Ids(output));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Row_paging_with_an_exact_multiple_ends_on_the_empty_page()
    {
        var server = new RowServer(total: 6);
        var (output, _) = await StreamAsync(server.RowPage, ApiRequest.Get("addresses"), SeveraApi.RowPaging(), Query(pageSize: 3));

        Assert.Equal(Enumerable.Range(0, 6), Ids(output));
        Assert.Equal(new string?[] { null, "3", "6" }, server.Requests.Select(q => q["firstRow"]));
    }

    [Fact]
    public async Task Row_paging_sends_Skip_to_the_server_as_firstRow()
    {
        var server = new RowServer(total: 8);
        var (output, _) = await StreamAsync(server.RowPage, ApiRequest.Get("addresses"), SeveraApi.RowPaging(), Query(pageSize: 3, skip: 4));

        Assert.Equal(new[] { 4, 5, 6, 7 }, Ids(output));
        Assert.Equal(new string?[] { "4", "7", "8" }, server.Requests.Select(q => q["firstRow"]));
    }

    [Fact]
    public async Task Token_paging_skips_on_the_client_and_asks_only_for_what_is_needed()
    {
        // Token paging cannot skip on the server: the first page covers Skip + First, no more.
        var server = new RowServer(total: 50);
        var (output, _) = await StreamAsync(server.TokenPage, ApiRequest.Get("customers"), SeveraApi.TokenPaging(), Query(pageSize: 100, first: 3, skip: 2));

        Assert.Equal(new[] { 2, 3, 4 }, Ids(output));
        Assert.Single(server.Requests);
        Assert.Equal("5", server.Requests[0]["rowCount"]);
    }

    [Fact]
    public async Task First_limits_the_first_page_on_the_wire()
    {
        var server = new RowServer(total: 5000);
        var (output, emitted) = await StreamAsync(server.RowPage, ApiRequest.Get("addresses"), SeveraApi.RowPaging(), Query(pageSize: 1000, first: 5));

        Assert.Equal(5, emitted);
        Assert.Equal(Enumerable.Range(0, 5), Ids(output));
        Assert.Single(server.Requests);
        Assert.Equal("5", server.Requests[0]["rowCount"]);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("row")]
    public async Task No_further_page_is_requested_once_First_rows_went_out(string style)
    {
        var server = new RowServer(total: 100);
        Func<HttpRequestMessage, HttpResponseMessage> respond = style == "token" ? server.TokenPage : server.RowPage;
        PagingStrategy strategy = style == "token" ? SeveraApi.TokenPaging() : SeveraApi.RowPaging();

        var (output, emitted) = await StreamAsync(respond, ApiRequest.Get("customers"), strategy, Query(pageSize: 3, first: 4));

        Assert.Equal(4, emitted);
        Assert.Equal(new[] { 0, 1, 2, 3 }, Ids(output));
        Assert.Equal(2, server.Requests.Count); // 3 rows, then 1 of the next page; never a third request
    }

    [Fact]
    public async Task Single_shot_sends_one_request_and_ignores_paging_headers()
    {
        var server = new RowServer(total: 5);
        var (output, emitted) = await StreamAsync(server.Whole, ApiRequest.Get("users"), SingleShotPaging.Instance, Query(pageSize: 2));

        Assert.Equal(5, emitted);
        Assert.Equal(Enumerable.Range(0, 5), Ids(output));
        Assert.Single(server.Requests);
        Assert.Null(server.Requests[0]["rowCount"]);
    }

    [Fact]
    public async Task Single_shot_honours_First_and_Skip_on_the_client()
    {
        var server = new RowServer(total: 10);
        var (output, _) = await StreamAsync(server.Whole, ApiRequest.Get("users"), SingleShotPaging.Instance, Query(pageSize: 100, first: 2, skip: 3));

        Assert.Equal(new[] { 3, 4 }, Ids(output));
    }

    [Fact]
    public async Task Records_carry_the_PSTypeName_of_the_query()
    {
        var server = new RowServer(total: 2);
        var (output, _) = await StreamAsync(server.Whole, ApiRequest.Get("users"), SingleShotPaging.Instance, Query(pageSize: 100));

        Assert.All(output.Objects, o => Assert.Equal(TypeName, ((PSObject)o!).TypeNames[0]));
    }

    [Fact]
    public async Task AutoQuery_envelope_yields_its_Results_and_keeps_Total()
    {
        var strategy = new RecordingStrategy();
        var (output, _) = await StreamAsync(
            _ => TestRuntime.Json("{\"Offset\":0,\"Results\":[{\"id\":1},{\"id\":2},{\"id\":3}],\"Total\":3,\"ResponseStatus\":{}}"),
            ApiRequest.Get("Queries/DebtorList"), strategy, Query(pageSize: 100, arrayProperty: "Results"));

        Assert.Equal(new[] { 1, 2, 3 }, Ids(output));
        var page = Assert.Single(strategy.Pages);
        Assert.True(page.FoundArray);
        Assert.Equal(3, page.Envelope["Total"]);
        Assert.Equal(0, page.Envelope["Offset"]);
    }

    [Fact]
    public async Task OData_envelope_yields_value_and_exposes_the_nextLink()
    {
        var strategy = new RecordingStrategy();
        var (output, _) = await StreamAsync(
            _ => TestRuntime.Json("{\"@odata.context\":\"ctx\",\"value\":[{\"id\":7},{\"id\":8}],\"@odata.nextLink\":\"https://erp.test/api/v1/x?$skip=2\"}"),
            ApiRequest.Get("V3/odata/OverviewProject"), strategy, Query(pageSize: 100, arrayProperty: "value"));

        Assert.Equal(new[] { 7, 8 }, Ids(output));
        var page = Assert.Single(strategy.Pages);
        Assert.Equal("https://erp.test/api/v1/x?$skip=2", page.Envelope["@odata.nextLink"]);
        Assert.Equal("ctx", page.Envelope["@odata.context"]);
    }

    [Fact]
    public async Task A_bare_array_is_accepted_where_an_envelope_was_expected()
    {
        var strategy = new RecordingStrategy();
        var (output, _) = await StreamAsync(_ => TestRuntime.Json(RowServer.Rows(0, 4)), ApiRequest.Get("V3/odata/OverviewProject"), strategy, Query(pageSize: 100, arrayProperty: "value"));

        Assert.Equal(new[] { 0, 1, 2, 3 }, Ids(output));
        Assert.True(Assert.Single(strategy.Pages).FoundArray);
    }

    [Fact]
    public async Task Many_pages_deliver_every_row_exactly_once()
    {
        var server = new RowServer(total: 1003);
        var (output, emitted) = await StreamAsync(server.TokenPage, ApiRequest.Get("workhours"), SeveraApi.TokenPaging(), Query(pageSize: 50));

        int[] ids = Ids(output);
        Assert.Equal(1003, emitted);
        Assert.Equal(Enumerable.Range(0, 1003), ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(21, server.Requests.Count);
    }

    [Fact]
    public async Task A_failed_page_surfaces_as_an_ApiException_after_the_rows_already_emitted()
    {
        int calls = 0;
        var output = new RecordingOutput();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request => Interlocked.Increment(ref calls) == 1
            ? WithToken(TestRuntime.Json(RowServer.Rows(0, 2)), "next")
            : TestRuntime.Json("{\"error\":{\"httpStatusCode\":400,\"type\":\"InvalidParameter\",\"details\":[{\"message\":\"bad token\"}]}}", HttpStatusCode.BadRequest));
        using var runtime = TestRuntime.Create(mock);

        var ex = await Assert.ThrowsAsync<Core.Errors.ApiException>(() => Pager.StreamAsync(runtime, ApiRequest.Get("customers"), SeveraApi.TokenPaging(), Query(pageSize: 2), output, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal(2, output.Objects.Count);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Nothing_more_is_fetched_once_the_pipeline_stops()
    {
        var server = new RowServer(total: 100);
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(server.TokenPage);
        using var runtime = TestRuntime.Create(mock);
        using var stop = new CancellationTokenSource();
        var output = new RecordingOutput();
        output.OnObject = _ =>
        {
            if (output.Objects.Count == 4)
            {
                stop.Cancel(); // Select-Object -First 4, or Ctrl+C
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Pager.StreamAsync(runtime, ApiRequest.Get("customers"), SeveraApi.TokenPaging(), Query(pageSize: 3), output, stop.Token));

        Assert.Equal(4, output.Objects.Count);
        // Pages 1 and 2, plus at most page 3: requested on page 2's headers (the one page read ahead) and
        // cancelled, possibly before it reached the server. Never a fourth.
        Assert.InRange(server.Requests.Count, 2, 3);
    }

    [Fact]
    public async Task A_row_goes_to_the_pipeline_before_the_rest_of_its_page_has_arrived()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new GatedStream("[{\"id\":1},"u8.ToArray(), "{\"id\":2}]"u8.ToArray(), gate.Task)),
        });
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        output.OnObject = _ => firstArrived.TrySetResult();

        Task<long> streaming = Pager.StreamAsync(runtime, ApiRequest.Get("customers"), new OffsetPaging("firstRow", "rowCount"), Query(pageSize: 10), output, CancellationToken.None);

        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(10)); // rows are batched, but never held while the network is awaited
        Assert.Equal([1], Ids(output));
        Assert.False(streaming.IsCompleted);
        gate.SetResult();
        Assert.Equal(2, await streaming.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([1, 2], Ids(output));
    }

    [Fact]
    public async Task Rows_before_a_malformed_one_go_out_before_the_error()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestRuntime.Json("[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\": }]"));
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();

        var error = await Assert.ThrowsAsync<Core.Errors.ApiException>(() =>
            Pager.StreamAsync(runtime, ApiRequest.Get("customers"), SeveraApi.RowPaging(), Query(pageSize: 10), output, CancellationToken.None));

        Assert.Equal([1, 2, 3], Ids(output));
        Assert.Equal(ErrorCategory.InvalidResult, error.Category);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task An_empty_204_answer_is_an_empty_list()
    {
        var mock = new MockHttpMessageHandler();
        int calls = 0;
        mock.When("*").Respond(_ =>
        {
            Interlocked.Increment(ref calls);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();

        long emitted = await Pager.StreamAsync(runtime, ApiRequest.Get("customers"), SeveraApi.RowPaging(), Query(pageSize: 10), output, CancellationToken.None);

        Assert.Equal(0, emitted);
        Assert.Empty(output.Objects);
        Assert.Equal(1, calls);
    }

    private static HttpResponseMessage WithToken(HttpResponseMessage response, string token)
    {
        response.Headers.TryAddWithoutValidation("NextPageToken", token);
        return response;
    }

    /// <summary>A single-page strategy that remembers what each page's envelope said.</summary>
    private sealed class RecordingStrategy : PagingStrategy
    {
        public List<(bool FoundArray, Dictionary<string, object?> Envelope)> Pages { get; } = new();

        public override void First(ApiRequest request, int pageSize, long skip)
        {
        }

        public override bool Next(ApiRequest request, PageResult page)
        {
            Pages.Add((page.Elements.FoundArray, new Dictionary<string, object?>(page.Elements.Envelope, StringComparer.OrdinalIgnoreCase)));
            return false;
        }
    }
}
