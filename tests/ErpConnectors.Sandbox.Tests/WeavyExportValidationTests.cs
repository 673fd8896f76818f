namespace ErpConnectors.Sandbox.Tests;

/// <summary>ExportValidation(s): export status set on rows unchanged since read; changed rows rejected with their new stamp.</summary>
public sealed class WeavyExportValidationTests
{
    private static Task<WeavyTestClient> StartAsync() => WeavyTestClient.StartAsync(o => o.Weavy.CustomerCount = 50);

    [Fact]
    public async Task Rows_unchanged_since_read_are_validated_and_a_row_changed_meanwhile_is_rejected_with_its_current_stamp()
    {
        await using var client = await StartAsync();
        var read = await client.SelectAsync("""{"entityName":"customer","limit":3,"srvExport":0,"returnFields":[{"fieldName":"customer_ID"},{"fieldName":"srvDateUTC"}]}""");
        Assert.Equal(3, read.Count);
        var codes = read.Select(r => r.GetProperty("customer_ID").GetString()!).ToList();
        var stamps = read.Select(r => r.GetProperty("srvDateUTC").GetString()!).ToList();
        var changedStamp = new DateTime(2030, 1, 2, 3, 4, 5);
        Assert.True(client.Weavy.SetSrvDateUtc("customer", codes[1], changedStamp));

        var answer = await client.PostDataOkAsync("ExportValidation", $$"""
            {"entityName":"customer","srvExport":1,"rows":[
              {"rowCode":"{{codes[0]}}","srvDateUTC":"{{stamps[0]}}"},
              {"rowCode":"{{codes[1]}}","srvDateUTC":"{{stamps[1]}}"},
              {"rowCode":"{{codes[2]}}","srvDateUTC":"{{stamps[2]}}"},
              {"rowCode":"NOPE","srvDateUTC":"{{stamps[2]}}"}]}
            """);

        Assert.Equal(["validatedRow", "rejectedRows"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, answer.GetProperty("validatedRow").GetInt32());
        var rejected = answer.GetProperty("rejectedRows").EnumerateArray().ToList();
        Assert.Equal([codes[1], "NOPE"], rejected.Select(r => r.GetProperty("rowCode").GetString()));
        Assert.Equal("2030-01-02T03:04:05", rejected[0].GetProperty("srvDateUTC").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rejected[1].GetProperty("srvDateUTC").ValueKind);
        Assert.Equal(1L, client.Weavy.Record("customer", codes[0])!["srvExport"]);
        Assert.Equal(0L, client.Weavy.Record("customer", codes[1])!["srvExport"]);
        Assert.Equal(stamps[0], ((DateTime)client.Weavy.Record("customer", codes[0])!["srvDateUTC"]!).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(codes[0], await client.CodesAsync("""{"entityName":"customer","srvExport":0}"""));
    }

    [Fact]
    public async Task A_record_written_after_it_was_read_is_rejected_even_within_the_same_second()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var client = await WeavyTestClient.StartAsync(o =>
        {
            o.Weavy.CustomerCount = 5;
            o.TimeProvider = clock;
        });
        var first = await client.OkAsync(HttpMethod.Put, "v1/Data/DEMO/product/P0001", """{"stock":1}""");
        var readStamp = first.GetProperty("srvDateUTC").GetString();
        var touched = client.Weavy.Touch("product", "P0001");

        var answer = await client.PostDataOkAsync("ExportValidation", $$"""
            {"entityName":"product","srvExport":1,"rows":[{"rowCode":"P0001","srvDateUTC":"{{readStamp}}"}]}
            """);

        Assert.Equal(0, answer.GetProperty("validatedRow").GetInt32());
        Assert.Equal("2025-01-01T00:00:01", answer.GetProperty("rejectedRows")[0].GetProperty("srvDateUTC").GetString());
        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 1), touched);
    }

    [Fact]
    public async Task ExportValidations_takes_several_entities_and_answers_one_result_each()
    {
        await using var client = await StartAsync();
        var customer = client.Weavy.Record("customer", "C000001")!;
        var product = client.Weavy.Record("product", "P0001")!;
        string Stamp(IReadOnlyDictionary<string, object?> r) => ((DateTime)r["srvDateUTC"]!).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        var answers = await client.PostDataOkAsync("ExportValidations", $$"""
            [{"entityName":"customer","srvExport":7,"rows":[{"rowCode":"C000001","srvDateUTC":"{{Stamp(customer)}}"}]},
             {"companyCode":"C01","entityName":"product","srvExport":8,"rows":[{"rowCode":"P0001","srvDateUTC":"2000-01-01T00:00:00"}]}]
            """);

        Assert.Equal(2, answers.GetArrayLength());
        Assert.Equal(1, answers[0].GetProperty("validatedRow").GetInt32());
        Assert.Equal(0, answers[1].GetProperty("validatedRow").GetInt32());
        Assert.Equal(Stamp(product), answers[1].GetProperty("rejectedRows")[0].GetProperty("srvDateUTC").GetString());
        Assert.Equal(7L, client.Weavy.Record("customer", "C000001")!["srvExport"]);
    }

    [Theory]
    [InlineData("""[{"entityName":"customer","srvExport":9,"rows":[{"rowCode":"C000001","srvDateUTC":"2024-01-01T00:00:00"}]},{"entityName":"customer","rows":[]}]""", "body[1].srvExport")]
    [InlineData("""[{"entityName":"customer","srvExport":9,"rows":[{"rowCode":"C000001","srvDateUTC":"2024-01-01T00:00:00"}]},{"entityName":"customer","srvExport":1,"rows":[{"rowCode":"C000002","srvDateUTC":"01/02/2024"}]}]""", "body[1].rows[0].srvDateUTC")]
    public async Task One_bad_body_refuses_the_whole_call(string body, string field)
    {
        await using var client = await StartAsync();
        client.Weavy.SetSrvDateUtc("customer", "C000001", new DateTime(2024, 1, 1));
        var before = client.Weavy.Record("customer", "C000001")!["srvExport"];

        using var response = await client.PostDataAsync("ExportValidations", body);

        var error = await WeavyTestClient.ReadJsonAsync(response);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal([field], WeavyTestClient.DetailFields(error.GetProperty("error")));
        Assert.Equal(before, client.Weavy.Record("customer", "C000001")!["srvExport"]);
    }
}
