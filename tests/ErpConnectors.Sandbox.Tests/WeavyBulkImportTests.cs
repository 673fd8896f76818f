using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>POST v1/Data/{projectCode}/BulkImport: an atomic upsert of at most 1000 rows; one bad row refuses all.</summary>
public sealed class WeavyBulkImportTests
{
    private static Task<WeavyTestClient> StartAsync() => WeavyTestClient.StartAsync(o => o.Weavy.CustomerCount = 50);

    [Fact]
    public async Task Rows_are_upserted_on_their_code_and_identical_rows_count_as_neither()
    {
        await using var client = await StartAsync();
        var unchanged = client.Weavy.Record("product", "P0002")!;

        var answer = await client.PostDataOkAsync("BulkImport", $$"""
            {"entityName":"product","rows":[
              {"product_ID":"NEW-1","label":"Bureau neuf","price":199.9,"stock":3},
              {"product_ID":"NEW-2","label":"Chaise neuve","price":"49.90"},
              {"product_ID":"P0001","price":12.34},
              {"product_ID":"P0002","label":"{{unchanged["label"]}}"}]}
            """);

        Assert.Equal(["addedRow", "updatedRow", "statistics"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, 1), (answer.GetProperty("addedRow").GetInt32(), answer.GetProperty("updatedRow").GetInt32()));
        var statistics = answer.GetProperty("statistics");
        Assert.Equal(4, statistics.GetProperty("queryCount").GetInt32());
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}(\.\d{7})?$", statistics.GetProperty("queryDurationTotal").GetString()!);
        Assert.Matches(@"^\d{2}:\d{2}:\d{2}(\.\d{7})?$", statistics.GetProperty("executionDuration").GetString()!);
        Assert.Equal(302, client.Weavy.Count("product"));
        Assert.Equal(12.34m, client.Weavy.Record("product", "P0001")!["price"]);
        Assert.Equal(3L, client.Weavy.Record("product", "NEW-1")!["stock"]);
        Assert.Null(client.Weavy.Record("product", "NEW-2")!["stock"]);
        Assert.Equal(unchanged["srvDateUTC"], client.Weavy.Record("product", "P0002")!["srvDateUTC"]);
        Assert.Equal((1, 1), (client.Weavy.BulkImportRequests, client.Weavy.AppliedBulkImports));
    }

    [Theory]
    [InlineData("""{"customer_ID":"B3","revenue":"12,50"}""", "rows[2].revenue", "dot")]
    [InlineData("""{"customer_ID":"B3","isActive":"yes"}""", "rows[2].isActive", "true or false")]
    [InlineData("""{"customer_ID":"B3","isActive":1}""", "rows[2].isActive", "true or false")]
    [InlineData("""{"customer_ID":"B3","createdOn":"05/01/2024 10:00:00"}""", "rows[2].createdOn", "YYYY-MM-DDTHH:MM:SS")]
    [InlineData("""{"customer_ID":"B3","createdOn":"2024-01-05T10:00:00Z"}""", "rows[2].createdOn", "YYYY-MM-DDTHH:MM:SS")]
    [InlineData("""{"name":"Sans code"}""", "rows[2].customer_ID", "required")]
    [InlineData("""{"customer_ID":"B3","ville":"Lyon"}""", "rows[2].ville", "'ville'")]
    [InlineData("""{"customer_ID":"B3","baseuser_ID":"U999"}""", "rows[2].baseuser_ID", "U999")]
    [InlineData("""{"customer_ID":"B1","city":"Twice"}""", "rows[2].customer_ID", "rows[0]")]
    public async Task One_bad_row_refuses_the_whole_batch_naming_its_index_and_field(string badRow, string field, string says)
    {
        await using var client = await StartAsync();
        var before = client.Weavy.Record("customer", "C000001")!;

        using var response = await client.PostDataAsync("BulkImport", $$"""
            {"entityName":"customer","rows":[
              {"customer_ID":"B1","name":"Valide"},
              {"customer_ID":"C000001","city":"Changée"},
              {{badRow}}]}
            """);

        var error = await WeavyTestClient.ReadJsonAsync(response);
        Assert.True((int)response.StatusCode == 400, error.ToString());
        Assert.Equal([field], WeavyTestClient.DetailFields(error.GetProperty("error")));
        Assert.Contains(says, error.GetProperty("error").GetProperty("message").GetString()!, StringComparison.Ordinal);
        Assert.Null(client.Weavy.Record("customer", "B1"));
        Assert.Equal(before["city"], client.Weavy.Record("customer", "C000001")!["city"]);
        Assert.Equal(before["srvDateUTC"], client.Weavy.Record("customer", "C000001")!["srvDateUTC"]);
        Assert.Equal((1, 0), (client.Weavy.BulkImportRequests, client.Weavy.AppliedBulkImports));
    }

    [Fact]
    public async Task More_than_1000_rows_is_400_and_1000_rows_are_accepted()
    {
        await using var client = await StartAsync();

        using (var tooMany = await client.PostDataAsync("BulkImport", Batch(1001)))
        {
            Assert.Equal(["rows"], WeavyTestClient.DetailFields(await WeavyTestClient.AssertErrorAsync(tooMany, 400, "LimitExceeded", "1000")));
        }

        Assert.Equal(300, client.Weavy.Count("product"));
        var answer = await client.PostDataOkAsync("BulkImport", Batch(1000));
        Assert.Equal(1000, answer.GetProperty("addedRow").GetInt32());
        Assert.Equal(1300, client.Weavy.Count("product"));
    }

    [Fact]
    public async Task An_unknown_entity_is_400()
    {
        await using var client = await StartAsync();

        using var response = await client.PostDataAsync("BulkImport", """{"entityName":"order","rows":[]}""");

        Assert.Equal(["entityName"], WeavyTestClient.DetailFields(await WeavyTestClient.AssertErrorAsync(response, 400, "UnknownEntity")));
    }

    private static string Batch(int rows)
    {
        var text = new StringBuilder("""{"entityName":"product","rows":[""");
        for (var i = 0; i < rows; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(JsonSerializer.Serialize(new Dictionary<string, object> { ["product_ID"] = $"BULK{i:D5}", ["stock"] = i }));
        }

        return text.Append("]}").ToString();
    }
}
