using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Net.Http.Headers;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;
using ErpConnectors.Jiwa;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

public class JiwaTests
{
    private static async Task<(RecordingOutput Output, RowServer Server)> StreamAutoQueryAsync(int total, int cap, int pageSize, long? first = null, long skip = 0)
    {
        var server = new RowServer(total);
        var mock = new MockHttpMessageHandler();
        mock.When("https://erp.test/api/v1/*").Respond(server.AutoQueryPage(cap));
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();
        var query = new PageQuery(JiwaTypeNames.Debtor, "Reading debtors") { PageSize = pageSize, First = first, Skip = skip, ArrayProperty = JiwaApi.ResultsProperty };
        await Pager.StreamAsync(runtime, ApiRequest.Get(JiwaApi.Debtors.List), JiwaApi.AutoQueryPaging(), query, output, CancellationToken.None);
        return (output, server);
    }

    private static int[] Ids(RecordingOutput output) => output.Objects.Select(o => (int)((PSObject)o!).Properties["id"].Value).ToArray();

    [Fact]
    public async Task AutoQuery_paging_follows_Total_past_a_silent_Take_cap()
    {
        var (output, server) = await StreamAutoQueryAsync(total: 25, cap: 10, pageSize: 500);

        Assert.Equal(Enumerable.Range(0, 25), Ids(output)); // every row once, though each page was shorter than asked
        Assert.Equal(new[] { null, "10", "20" }, server.Requests.Select(q => q["Skip"]));
        Assert.All(server.Requests, q => Assert.Equal("Total", q["Include"]));
        Assert.All(server.Requests, q => Assert.Equal("500", q["Take"]));
        Assert.All(output.Objects, o => Assert.Equal(JiwaTypeNames.Debtor, ((PSObject)o!).TypeNames[0]));
    }

    [Fact]
    public async Task AutoQuery_paging_stops_at_the_total_without_asking_for_an_empty_page()
    {
        var (output, server) = await StreamAutoQueryAsync(total: 20, cap: 10, pageSize: 10);

        Assert.Equal(20, output.Objects.Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task AutoQuery_paging_sends_Skip_and_First_to_the_server()
    {
        var (output, server) = await StreamAutoQueryAsync(total: 50, cap: 100, pageSize: 500, first: 5, skip: 12);

        Assert.Equal(Enumerable.Range(12, 5), Ids(output));
        Assert.Single(server.Requests);
        Assert.Equal("12", server.Requests[0]["Skip"]);
        Assert.Equal("5", server.Requests[0]["Take"]);
    }

    [Fact]
    public async Task An_answer_without_a_total_falls_back_to_the_short_page_rule()
    {
        var mock = new MockHttpMessageHandler();
        int calls = 0;
        mock.When("https://erp.test/api/v1/*").Respond(_ =>
        {
            calls++;
            return TestRuntime.Json("{\"Offset\":0,\"Results\":" + RowServer.Rows(0, 3) + "}");
        });
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();
        var query = new PageQuery(JiwaTypeNames.Debtor, "Reading") { PageSize = 10, ArrayProperty = JiwaApi.ResultsProperty };
        await Pager.StreamAsync(runtime, ApiRequest.Get("Queries/DebtorList"), JiwaApi.AutoQueryPaging(), query, output, CancellationToken.None);

        Assert.Equal(3, output.Objects.Count);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void ResponseStatus_errors_give_the_message_the_field_errors_and_the_code()
    {
        var parser = new JiwaErrorParser(apiKey: false);
        VendorError? error = parser.Parse(HttpStatusCode.BadRequest,
            "{\"ResponseStatus\":{\"ErrorCode\":\"ValidationException\",\"Message\":\"Validation failed\",\"Errors\":[{\"ErrorCode\":\"GreaterThan\",\"FieldName\":\"QuantityOrdered\",\"Message\":\"must be above 0\"}]}}",
            new HttpResponseMessage().Headers);

        Assert.NotNull(error);
        Assert.Equal("ValidationException", error!.Code);
        Assert.Equal("Validation failed (QuantityOrdered: must be above 0)", error.Message);
    }

    [Fact]
    public void A_conflict_says_to_read_the_record_again()
    {
        VendorError? error = new JiwaErrorParser(apiKey: false).Parse(HttpStatusCode.Conflict,
            "{\"responseStatus\":{\"errorCode\":\"ConcurrencyConflict\",\"message\":\"The record was changed by another user since it was read\"}}",
            new HttpResponseMessage().Headers);

        Assert.Equal("The record was changed by another user since it was read", error!.Message);
        Assert.Contains("read the record again", error.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_api_key_is_explained_as_expired_or_revoked()
    {
        VendorError? error = new JiwaErrorParser(apiKey: true).Parse(HttpStatusCode.Unauthorized, string.Empty, new HttpResponseMessage().Headers);

        Assert.Contains("expired or revoked", error!.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_become_culture_invariant_AutoQuery_parameters()
    {
        var request = ApiRequest.Get("Queries/DebtorList");
        var filter = new Hashtable
        {
            ["NameStartsWith"] = "A",
            ["AccountOnHold"] = false,
            ["AccountNoIn"] = new object[] { "C00001", "C00002" },
            ["LastSavedDateTimeGreaterThan"] = new DateTime(2024, 3, 1, 13, 45, 10),
            ["CreditLimitGreaterThan"] = 1234.5m,
        };

        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Null(JiwaQuery.AddFilter(request, filter));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }

        var query = request.Query.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("A", query["NameStartsWith"]);
        Assert.Equal("false", query["AccountOnHold"]);
        Assert.Equal("C00001,C00002", query["AccountNoIn"]);
        Assert.Equal("2024-03-01T13:45:10", query["LastSavedDateTimeGreaterThan"]);
        Assert.Equal("1234.5", query["CreditLimitGreaterThan"]);
    }

    [Theory]
    [InlineData("Take")]
    [InlineData("skip")]
    [InlineData("OrderBy")]
    [InlineData("Name StartsWith")]
    [InlineData("Name&x=1")]
    public void Paging_keys_and_malformed_names_are_refused_as_filters(string key)
    {
        var request = ApiRequest.Get("Queries/DebtorList");
        ErrorRecord? error = JiwaQuery.AddFilter(request, new Hashtable { [key] = 1 });

        Assert.NotNull(error);
        Assert.Equal(ErrorCategory.InvalidArgument, error!.CategoryInfo.Category);
        Assert.Equal(key, error.TargetObject);
        Assert.Empty(request.Query);
    }

    [Fact]
    public void Order_by_descending_uses_OrderByDesc()
    {
        var request = ApiRequest.Get("Queries/DebtorList");
        JiwaQuery.AddOrder(request, new[] { "Name", "AccountNo" }, descending: true);

        Assert.Equal("Name,AccountNo", request.GetQueryValue("OrderByDesc"));
        Assert.Null(request.GetQueryValue("OrderBy"));
    }

    [Fact]
    public void Sales_order_lines_from_csv_rows_become_numbers_and_keep_other_fields()
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("PartNo", "P1000"));
        row.Properties.Add(new PSNoteProperty("Quantity", "2.5"));
        row.Properties.Add(new PSNoteProperty("Price", "12.50"));
        row.Properties.Add(new PSNoteProperty("CustomFieldValues", "x"));

        var (lines, error) = JiwaSalesDocument.SalesOrder.Lines(new object[] { row }, allowUpdates: false);

        Assert.Null(error);
        var line = Assert.Single(lines);
        Assert.Equal(2.5m, line["QuantityOrdered"]); // Quantity is accepted and renamed: the line DTOs have QuantityOrdered
        Assert.False(line.Contains("Quantity"));
        Assert.Equal(12.50m, line["DiscountedPrice"]); // a line has no Price: Jiwa's selling price is DiscountedPrice
        Assert.False(line.Contains("Price"));
        Assert.Equal("x", line["CustomFieldValues"]);
    }

    [Fact]
    public void Quote_lines_carry_QuantityOrdered_like_order_lines_and_unknown_keys_are_named()
    {
        var warnings = new List<string>();

        var (lines, error) = JiwaSalesDocument.SalesQuote.Lines(new object[] { new Hashtable { ["PartNo"] = "P1", ["Quantity"] = 3, ["Qty"] = 4 } }, allowUpdates: false, warnings.Add);

        Assert.Null(error);
        Assert.Equal(3m, Assert.Single(lines)["QuantityOrdered"]);
        Assert.Contains(warnings, w => w.Contains("'Qty'", StringComparison.Ordinal) && w.Contains("SalesQuoteLine", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("'PartNo'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_inventory_list_is_the_service_models_InventoryItemList() =>
        Assert.Equal("Queries/InventoryItemList", JiwaApi.Inventory.List);

    [Theory]
    [InlineData("PartNo=;QuantityOrdered=1", "Jiwa.LineWithoutItem")]
    [InlineData("PartNo=P1;QuantityOrdered=0", "Jiwa.InvalidQuantity")]
    [InlineData("PartNo=P1;QuantityOrdered=lots", "Jiwa.InvalidQuantity")]
    [InlineData("PartNo=P1", "Jiwa.LineWithoutQuantity")]
    [InlineData("InvoiceLineID=abc;QuantityOrdered=2", "Jiwa.LineIdOnNew")]
    [InlineData("PartNo=P1;QuantityOrdered=1;Price=cheap", "Jiwa.InvalidPrice")]
    public void Bad_lines_are_refused_before_anything_is_sent(string fields, string errorId)
    {
        var line = new Hashtable();
        foreach (string pair in fields.Split(';'))
        {
            string[] parts = pair.Split('=');
            line[parts[0]] = parts[1];
        }

        var (_, error) = JiwaSalesDocument.SalesOrder.Lines(new object[] { new Hashtable { ["PartNo"] = "P2", ["QuantityOrdered"] = 1 }, line }, allowUpdates: false);

        Assert.NotNull(error);
        Assert.StartsWith(errorId, error!.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Line 2", error.Exception.Message, StringComparison.Ordinal);

        // The target is the offending value or the line as text, never "System.Collections.Hashtable".
        var target = Assert.IsType<string>(error.TargetObject);
        Assert.Contains(target, error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_an_unknown_quantity_key_names_it()
    {
        var (_, error) = JiwaSalesDocument.SalesOrder.Lines(new object[] { new Hashtable { ["PartNo"] = "P1", ["Qty"] = 2 } }, allowUpdates: false);

        Assert.NotNull(error);
        Assert.Contains("'Qty'", error!.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("QuantityOrdered", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Hashtable", error.CategoryInfo.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,5", 1.5)]
    [InlineData("2.5", 2.5)]
    public void Line_quantities_read_text_by_the_module_rule(string text, double expected)
    {
        var (lines, error) = JiwaSalesDocument.SalesOrder.Lines(new object[] { new Hashtable { ["PartNo"] = "P1", ["QuantityOrdered"] = text } }, allowUpdates: false);

        Assert.Null(error);
        Assert.Equal((decimal)expected, Assert.Single(lines)["QuantityOrdered"]);
    }

    [Fact]
    public void An_ambiguous_line_quantity_is_refused_naming_the_value()
    {
        var (_, error) = JiwaSalesDocument.SalesOrder.Lines(new object[] { new Hashtable { ["PartNo"] = "P1", ["QuantityOrdered"] = "1,500" } }, allowUpdates: false);

        Assert.NotNull(error);
        Assert.Equal("1,500", error!.TargetObject);
        Assert.Contains("ambiguous", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_its_id_updates_it_on_Set()
    {
        var (lines, error) = JiwaSalesDocument.SalesQuote.Lines(new object[] { new Hashtable { ["QuoteLineID"] = "q1", ["Quantity"] = 3 } }, allowUpdates: true);

        Assert.Null(error);
        Assert.Equal("q1", Assert.Single(lines)["QuoteLineID"]);
    }

    [Fact]
    public void The_login_answer_gives_the_session_and_display_name()
    {
        var (session, display) = JiwaSessionProvider.Parse("{\"SessionId\":\"6w1nLX8r0sIrJHClX9Vj\",\"UserName\":\"Admin\",\"DisplayName\":\"\",\"ResponseStatus\":{}}"u8.ToArray());

        Assert.Equal("6w1nLX8r0sIrJHClX9Vj", session);
        Assert.Null(display);
        Assert.Throws<System.Text.Json.JsonException>(() => JiwaSessionProvider.Parse("{\"ResponseStatus\":{}}"u8.ToArray()));
    }

    [Fact]
    public async Task An_expired_session_logs_in_again_once_and_replays_the_call()
    {
        var mock = new MockHttpMessageHandler();
        int logins = 0;
        var seenSessions = new List<string?>();
        mock.When(HttpMethod.Post, "https://jiwa.test/api/auth").Respond(request =>
        {
            logins++;
            string body = request.Content!.ReadAsStringAsync().Result;
            Assert.Contains("\"UserName\":\"api\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain("password", request.RequestUri!.Query, StringComparison.OrdinalIgnoreCase);
            return TestRuntime.Json($"{{\"SessionId\":\"session-{logins}\",\"UserName\":\"api\",\"DisplayName\":\"API user\"}}");
        });
        mock.When(HttpMethod.Get, "https://jiwa.test/api/Debtors/D1").Respond(request =>
        {
            string? session = request.Headers.TryGetValues(JiwaApi.SessionHeader, out var values) ? values.Single() : null;
            seenSessions.Add(session);
            return session == "session-2"
                ? TestRuntime.Json("{\"DebtorID\":\"D1\"}")
                : TestRuntime.Json("{\"ResponseStatus\":{\"ErrorCode\":\"Unauthorized\",\"Message\":\"Not Authenticated\"}}", HttpStatusCode.Unauthorized);
        });
        var connection = new JiwaConnection(new Uri("https://jiwa.test/api"), "api", JiwaAuthenticationKind.Credential);
        using var runtime = JiwaSession.Create(connection, Core.Auth.SecretText.Protect("pw"), () => mock, TestRuntime.FastRetry());

        var output = new RecordingOutput();
        await runtime.Tokens.GetAsync(output, CancellationToken.None); // Connect-Jiwa logs in first
        object? debtor = await runtime.SendForValueAsync(ApiRequest.Get(JiwaApi.Debtors.One("D1")), JiwaTypeNames.Debtor, output, CancellationToken.None);

        Assert.Equal("D1", ((PSObject)debtor!).Properties["DebtorID"].Value);
        Assert.Equal(2, logins);
        Assert.Equal(new[] { "session-1", "session-2" }, seenSessions);
        Assert.Equal("API user", connection.DisplayName);
    }

    [Fact]
    public async Task A_refused_api_key_is_not_retried_and_terminates()
    {
        var mock = new MockHttpMessageHandler();
        int calls = 0;
        mock.When("https://jiwa.test/api/*").Respond(request =>
        {
            calls++;
            Assert.Equal(new AuthenticationHeaderValue("Bearer", "the-key"), request.Headers.Authorization);
            return TestRuntime.Json("{\"ResponseStatus\":{\"ErrorCode\":\"Unauthorized\",\"Message\":\"The API key is expired or revoked\"}}", HttpStatusCode.Unauthorized);
        });
        var connection = new JiwaConnection(new Uri("https://jiwa.test/api"), "(API key)", JiwaAuthenticationKind.ApiKey);
        using var runtime = JiwaSession.Create(connection, Core.Auth.SecretText.Protect("the-key"), () => mock, TestRuntime.FastRetry());

        var error = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(ApiRequest.Get("KeepAlive"), null, null, CancellationToken.None));

        Assert.Equal(1, calls);
        Assert.True(error.IsTerminating);
        Assert.Equal(ErrorCategory.AuthenticationError, error.Category);
        Assert.Contains("expired or revoked", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1,000")]
    [InlineData("1,000.5")]
    public void A_comma_that_may_be_a_thousands_separator_is_refused(string quantity)
    {
        var (_, error) = JiwaSalesDocument.SalesOrder.Lines(new object[] { new Hashtable { ["PartNo"] = "P1", ["QuantityOrdered"] = quantity } }, allowUpdates: false);

        Assert.NotNull(error);
        Assert.Contains("with a dot for decimals", error!.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_price_cell_lets_Jiwa_price_the_line()
    {
        var (lines, error) = JiwaSalesDocument.SalesOrder.Lines(new object[] { new Hashtable { ["PartNo"] = "P1", ["QuantityOrdered"] = "1", ["Price"] = "" } }, allowUpdates: false);

        Assert.Null(error);
        Assert.False(Assert.Single(lines).Contains("Price"));
    }

    [Fact]
    public void An_existing_line_may_be_set_to_zero_but_a_new_one_may_not()
    {
        var (_, update) = JiwaSalesDocument.SalesOrder.Lines(new object[] { new Hashtable { ["InvoiceLineID"] = "l1", ["QuantityOrdered"] = 0 } }, allowUpdates: true);
        var (_, add) = JiwaSalesDocument.SalesOrder.Lines(new object[] { new Hashtable { ["PartNo"] = "P1", ["QuantityOrdered"] = 0 } }, allowUpdates: true);

        Assert.Null(update);
        Assert.NotNull(add);
    }

    [Fact]
    public void A_quote_line_becomes_an_order_line_without_its_quote_line_id()
    {
        var (lines, error) = JiwaSalesDocument.SalesOrder.Lines(new object[] { new Hashtable { ["QuoteLineID"] = "q1", ["PartNo"] = "P1", ["Quantity"] = 2 } }, allowUpdates: false);

        Assert.Null(error);
        var line = Assert.Single(lines);
        Assert.False(line.Contains("QuoteLineID"));
        Assert.Equal(2m, line["QuantityOrdered"]);
    }

    [Theory]
    [InlineData("/Date(1500000000000)/", "2017-07-14T02:40:00.0000000+00:00")]
    [InlineData("/Date(1500000000000+1000)/", "2017-07-14T12:40:00.0000000+10:00")]
    [InlineData("/Date(-86400000-0130)/", "1969-12-30T22:30:00.0000000-01:30")]
    public void ServiceStack_dates_become_DateTimeOffset(string text, string expected)
    {
        Assert.True(Core.Json.PSObjectConverter.TryParseServiceStackDate(text, out DateTimeOffset value));
        Assert.Equal(expected, value.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
        var record = (PSObject)Core.Connections.ConnectionRuntime.ParseValue(System.Text.Encoding.UTF8.GetBytes("{\"d\":\"" + text.Replace("/", "\\/", StringComparison.Ordinal) + "\"}"), null)!;
        Assert.Equal(value, record.Properties["d"].Value);
    }

    [Theory]
    [InlineData("/Date(abc)/")]
    [InlineData("/Date(1500000000000+9999)/")]
    [InlineData("/Date(1500000000000")]
    public void Text_that_only_looks_like_a_ServiceStack_date_stays_text(string text) =>
        Assert.False(Core.Json.PSObjectConverter.TryParseServiceStackDate(text, out _));

    [Fact]
    public async Task A_stateful_request_refused_for_an_expired_session_is_not_replayed_into_a_new_one()
    {
        var mock = new MockHttpMessageHandler();
        int logins = 0, patches = 0;
        mock.When(HttpMethod.Post, "https://jiwa.test/api/auth").Respond(_ => TestRuntime.Json($"{{\"SessionId\":\"session-{++logins}\"}}"));
        mock.When(new HttpMethod("PATCH"), "https://jiwa.test/api/Debtors/D1").Respond(_ =>
        {
            patches++;
            return TestRuntime.Json("{\"ResponseStatus\":{\"Message\":\"Not Authenticated\"}}", HttpStatusCode.Unauthorized);
        });
        var connection = new JiwaConnection(new Uri("https://jiwa.test/api"), "api", JiwaAuthenticationKind.Credential);
        using var runtime = JiwaSession.Create(connection, Core.Auth.SecretText.Protect("pw"), () => mock, TestRuntime.FastRetry());
        await runtime.Tokens.GetAsync(null, CancellationToken.None);
        var request = JiwaApi.MarkStateful(new ApiRequest(new HttpMethod("PATCH"), JiwaApi.Debtors.One("D1")) { Body = "{}"u8.ToArray() }, stateful: true);

        var error = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(request, null, null, CancellationToken.None));

        Assert.Equal(1, patches);
        Assert.Equal(2, logins); // renewed for what follows, but the edit is not replayed into the new session
        Assert.Equal(ErrorCategory.InvalidOperation, error.Category);
        Assert.Contains("stateful edit", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTerminating);
    }

    [Fact]
    public void Save_is_never_replayed_even_through_Invoke_JiwaRequest()
    {
        var save = JiwaApi.MarkStatefulEnd(ApiRequest.Get("SalesOrders/abc/Save"));
        var abandon = JiwaApi.MarkStatefulEnd(new ApiRequest(HttpMethod.Delete, "SalesOrders/abc/Abandon"));
        var read = JiwaApi.MarkStatefulEnd(ApiRequest.Get("SalesOrders/abc"));

        Assert.False(save.Idempotent);
        Assert.True(save.SessionBound);
        Assert.True(abandon.SessionBound);
        Assert.True(read.Idempotent);
        Assert.False(read.SessionBound);
    }
}
