using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Net;
using System.Text;
using System.Text.Json;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;
using ErpConnectors.Tests.Support;
using ErpConnectors.Weavy;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

public class WeavyTests
{
    private static JsonElement Parse(byte[] body) => JsonDocument.Parse(body).RootElement.Clone();

    [Fact]
    public void A_filter_hashtable_becomes_Select_filters_scalar_Equal_array_In_hashtable_operators()
    {
        var select = new WeavySelect("customer") { CompanyCode = "C01", ReturnFields = new[] { "name", "city" }, SortBy = new[] { "name" }, Descending = true };
        var filter = new System.Collections.Specialized.OrderedDictionary { ["city"] = "Lyon", ["revenue"] = new Hashtable { ["GreaterThan"] = 1000 }, ["status"] = new object[] { "A", "B" } };

        Assert.Null(select.AddFilter(filter, or: false));
        var body = Parse(select.Body(500, 1500));

        Assert.Equal("C01", body.GetProperty("companyCode").GetString());
        Assert.Equal("customer", body.GetProperty("entityName").GetString());
        Assert.Equal(500, body.GetProperty("limit").GetInt32());
        Assert.Equal(1500, body.GetProperty("offset").GetInt64());
        Assert.False(body.TryGetProperty("srvExport", out _)); // the export status is a filter (GetWeavyRecordCommand)
        var filters = body.GetProperty("filterFields").EnumerateArray().ToList();
        Assert.Equal(new[] { "Equal", "GreaterThan", "In" }, filters.Select(f => f.GetProperty("operator").GetString()));
        Assert.Equal(new[] { "A", "B" }, filters[2].GetProperty("filterValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(1000, filters[1].GetProperty("filterValues")[0].GetInt32());
        Assert.False(body.TryGetProperty("filterGroups", out _)); // ungrouped filters are ANDed
        Assert.Equal("DESC", body.GetProperty("sortFields")[0].GetProperty("direction").GetString());
        Assert.Equal(new[] { "name", "city" }, body.GetProperty("returnFields").EnumerateArray().Select(f => f.GetProperty("fieldName").GetString()));
    }

    [Fact]
    public void Or_groups_the_filter_conditions_and_ChangedSince_stays_ANDed()
    {
        var select = new WeavySelect("customer");
        Assert.Null(select.AddFilter(new Hashtable { ["city"] = "Lyon" }, or: true));
        Assert.Null(select.AddFilter(new Hashtable { ["status"] = "A" }, or: true));
        select.AddCondition("srvDateUTC", "GreaterThanOrEqual", new DateTime(2024, 5, 1, 8, 30, 0, DateTimeKind.Utc));

        var body = Parse(select.Body(1000, 0));

        var group = body.GetProperty("filterGroups")[0];
        Assert.Equal("OR", group.GetProperty("groupLogicalOperator").GetString());
        Assert.Equal(new[] { "f1", "f2" }, group.GetProperty("filterKeys").EnumerateArray().Select(k => k.GetString()));
        var since = body.GetProperty("filterFields")[2];
        Assert.Equal("f3", since.GetProperty("filterKey").GetString());
        Assert.Equal("2024-05-01T08:30:00", since.GetProperty("filterValues")[0].GetString());
    }

    [Fact]
    public void An_unknown_operator_is_refused_naming_it()
    {
        var error = new WeavySelect("customer").AddFilter(new Hashtable { ["revenue"] = new Hashtable { ["Bigger"] = 1 } }, or: false);

        Assert.NotNull(error);
        Assert.Equal("Bigger", error!.TargetObject);
        Assert.Contains("GreaterThan", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_keep_the_documents_formats_whatever_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var row = WeavyValues.Row(new Hashtable { ["price"] = 69.33m, ["ratio"] = 0.5, ["active"] = true, ["when"] = new DateTime(2016, 12, 5, 8, 33, 33), ["at"] = new DateTimeOffset(2016, 12, 5, 9, 33, 33, TimeSpan.FromHours(1)), ["blob"] = new byte[] { 1, 2, 3 } });
            string json = Encoding.UTF8.GetString(Core.Json.JsonBody.Serialize(row));

            Assert.Contains("\"price\":69.33", json, StringComparison.Ordinal);
            Assert.Contains("\"ratio\":0.5", json, StringComparison.Ordinal);
            Assert.Contains("\"active\":true", json, StringComparison.Ordinal);
            Assert.Contains("\"when\":\"2016-12-05T08:33:33\"", json, StringComparison.Ordinal);
            Assert.Contains("\"at\":\"2016-12-05T08:33:33\"", json, StringComparison.Ordinal); // UTC
            Assert.Contains("\"blob\":\"AQID\"", json, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_rows_code_is_its_entity_ID_field_in_any_case()
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("CUSTOMER_id", "C-1"));
        Assert.Equal("C-1", WeavyValues.CodeOf(WeavyValues.Row(row), "customer"));
        Assert.Null(WeavyValues.CodeOf(WeavyValues.Row(new Hashtable { ["customer_ID"] = " " }), "customer"));
    }

    [Theory]
    [InlineData(0, new long[] { 0, 3, 6, 7 })] // the limit honoured: the short page at 6 is not trusted to be the last
    [InlineData(2, new long[] { 0, 2, 4, 6, 7 })] // a server that caps pages below the limit without saying so
    public async Task Select_pages_by_rebuilding_the_body_until_an_empty_page(int cap, long[] expected)
    {
        var offsets = new List<long>();
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, "https://erp.test/api/v1/v1/Data/DEMO/Select").Respond(request =>
        {
            var body = Parse(request.Content!.ReadAsByteArrayAsync().Result);
            long offset = body.GetProperty("offset").GetInt64();
            int limit = body.GetProperty("limit").GetInt32();
            offsets.Add(offset);
            int size = (int)Math.Max(0, Math.Min(cap > 0 ? Math.Min(limit, cap) : limit, 7 - offset));
            return TestRuntime.Json(RowServer.Rows((int)offset, size));
        });
        using var runtime = TestRuntime.Create(mock);
        var output = new RecordingOutput();
        var select = new WeavySelect("customer");

        await Pager.StreamAsync(runtime, WeavyApi.Post(WeavyApi.Select("DEMO"), Array.Empty<byte>(), idempotent: true), new BodyOffsetPaging(select.Body), new PageQuery("ErpConnectors.Weavy.customer", "Reading") { PageSize = 3 }, output, CancellationToken.None);

        Assert.Equal(7, output.Objects.Count);
        Assert.Equal(expected, offsets);
    }

    [Fact]
    public void ChangedSince_is_a_srvDate_GreaterThan_filter_a_second_before_in_the_documents_format()
    {
        var select = new WeavySelect("customer");
        var since = new DateTime(2024, 5, 1, 8, 30, 0, 400, DateTimeKind.Utc);
        select.AddCondition(WeavyApi.ChangeFilterField, WeavyApi.ChangeFilterOperator, WeavyApi.ChangeFilterValue(since));

        var filter = Parse(select.Body(1000, 0)).GetProperty("filterFields")[0];

        Assert.Equal("srvDate", filter.GetProperty("fieldName").GetString());
        Assert.Equal("GreaterThan", filter.GetProperty("operator").GetString());
        Assert.Equal("2024-05-01T08:29:59", filter.GetProperty("filterValues")[0].GetString()); // so a change at 08:30:00 is in
        Assert.Equal(new DateTime(2024, 5, 1, 6, 29, 59, DateTimeKind.Utc), WeavyApi.ChangeFilterValue(new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(2)).LocalDateTime));
    }

    [Fact]
    public async Task The_sign_in_sends_the_field_names_the_production_integration_sends()
    {
        byte[]? signIn = null;
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, "https://weavy.test/v1/Authenticate").Respond(request =>
        {
            signIn = request.Content!.ReadAsByteArrayAsync().Result;
            return TestRuntime.Json("{\"authToken\":\"t\",\"expiresIn\":3600}");
        });
        mock.When(HttpMethod.Get, "https://weavy.test/v1/Dictionary/DEMO").Respond(_ => TestRuntime.Json("[]"));
        var connection = new WeavyConnection(new Uri("https://weavy.test/"), "DEMO", "api-user", WeavyRegion.Europe, companyCode: null);
        using var runtime = WeavySession.Create(connection, Core.Auth.SecretText.Protect("pw"), () => mock, TestRuntime.FastRetry());

        await runtime.SendForValueAsync(ApiRequest.Get(WeavyApi.Dictionary("DEMO")), null, new RecordingOutput(), CancellationToken.None);

        var body = Parse(signIn!);
        Assert.Equal("api-user", body.GetProperty("username").GetString()); // Webmecanik/mautic MauticDivaltoBundle Connection/Client.php
        Assert.False(body.TryGetProperty("userName", out _));
        Assert.Equal("DEMO", body.GetProperty("projectCode").GetString());
        Assert.Equal("API", body.GetProperty("scope").GetString());
    }

    [Fact]
    public void The_sign_in_answer_gives_token_expiry_in_seconds_and_the_password_expiry()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var (token, passwordExpiry) = WeavyTokenProvider.Parse("{\"authToken\":\"t\",\"expiresIn\":3600,\"generatedTimeUTC\":\"2026-01-01T00:00:00\",\"passwordExpiryUTC\":\"2026-06-30T00:00:00\"}"u8.ToArray(), now);

        Assert.Equal("t", token.AccessToken);
        Assert.Equal(now.AddHours(1), token.ExpiresOn);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero), passwordExpiry);
    }

    [Fact]
    public void Errors_give_the_message_and_the_field_details()
    {
        var error = new WeavyErrorParser().Parse(HttpStatusCode.BadRequest, "{\"error\":{\"code\":\"InvalidRow\",\"message\":\"Row 3 rejected\",\"details\":[{\"field\":\"revenue\",\"message\":\"not a decimal\"}]}}", new HttpResponseMessage().Headers);

        Assert.Equal("InvalidRow", error!.Code);
        Assert.Equal("Row 3 rejected (revenue: not a decimal)", error.Message);
    }

    [Fact]
    public void A_failure_about_a_batch_keeps_its_category_and_names_the_batch()
    {
        var original = new ApiException("Weavy", "Weavy POST /x failed (400 Bad Request): bad row", ErrorCategory.InvalidArgument, "Weavy.InvalidRow") { StatusCode = HttpStatusCode.BadRequest };
        var about = original.About("Batch 2 (rows 1001-2000)");

        Assert.StartsWith("Batch 2 (rows 1001-2000): Weavy POST", about.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, about.Category);
        Assert.Equal(HttpStatusCode.BadRequest, about.StatusCode);
    }
}
