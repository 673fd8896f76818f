using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>One record: GET, POST (create), PUT (partial), DELETE (logical by default, or physical).</summary>
public sealed class WeavyRecordTests
{
    private static readonly DateTimeOffset Start = new(2025, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static Task<WeavyTestClient> StartAsync(ManualTimeProvider clock) => WeavyTestClient.StartAsync(o =>
    {
        o.TimeProvider = clock;
        o.Weavy.CustomerCount = 50;
    });

    [Fact]
    public async Task Get_answers_every_field_of_the_record()
    {
        await using var client = await StartAsync(new ManualTimeProvider(Start));

        var record = await client.OkAsync(HttpMethod.Get, "v1/Data/DEMO/customer/C000007");

        var stored = client.Weavy.Record("customer", "C000007")!;
        Assert.Equal("C000007", record.GetProperty("customer_ID").GetString());
        Assert.Equal(stored["name"], record.GetProperty("name").GetString());
        Assert.Equal(11, record.EnumerateObject().Count());

        using var unknown = await client.SendAsync(HttpMethod.Get, "v1/Data/DEMO/customer/NOPE");
        await WeavyTestClient.AssertErrorAsync(unknown, 404, "NotFound", "'NOPE'");
        using var entity = await client.SendAsync(HttpMethod.Get, "v1/Data/DEMO/client/C000007");
        await WeavyTestClient.AssertErrorAsync(entity, 404, "UnknownEntity");
    }

    [Fact]
    public async Task Post_creates_the_record_with_its_code_stamps_it_and_a_second_post_is_409()
    {
        var clock = new ManualTimeProvider(Start);
        await using var client = await StartAsync(clock);
        const string Body = """{"customer_ID":"NEW1","name":"Nouvelle SARL","revenue":"1200.50","isActive":true,"createdOn":"2025-01-02T03:04:05","baseuser_ID":"U002"}""";

        using (var created = await client.SendAsync(HttpMethod.Post, "v1/Data/DEMO/customer", Body))
        {
            var record = await WeavyTestClient.ReadJsonAsync(created);
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
            Assert.EndsWith("/weavy/v1/Data/DEMO/customer/NEW1", created.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.Equal("2025-05-06T07:08:09", record.GetProperty("srvDateUTC").GetString());
            Assert.Equal(0, record.GetProperty("srvExport").GetInt64());
            Assert.Equal(1200.50m, record.GetProperty("revenue").GetDecimal());
            Assert.Equal(JsonValueKind.Null, record.GetProperty("city").ValueKind);
        }

        Assert.Equal(51, client.Weavy.Count("customer"));
        Assert.Equal("2025-01-02T03:04:05", (await client.OkAsync(HttpMethod.Get, "v1/Data/DEMO/customer/new1")).GetProperty("createdOn").GetString());

        using var again = await client.SendAsync(HttpMethod.Post, "v1/Data/DEMO/customer", Body.Replace("NEW1", "new1", StringComparison.Ordinal));
        await WeavyTestClient.AssertErrorAsync(again, 409, "AlreadyExists");
        Assert.Equal(51, client.Weavy.Count("customer"));
    }

    [Theory]
    [InlineData("""{"name":"Sans code"}""", "body.customer_ID")]
    [InlineData("""{"customer_ID":"X1","nom":"Typo"}""", "body.nom")]
    [InlineData("""{"customer_ID":"X1","isActive":"yes"}""", "body.isActive")]
    [InlineData("""{"customer_ID":"X1","baseuser_ID":"U999"}""", "body.baseuser_ID")]
    public async Task Post_with_a_bad_field_is_400_naming_it_and_creates_nothing(string body, string field)
    {
        await using var client = await StartAsync(new ManualTimeProvider(Start));

        using var response = await client.SendAsync(HttpMethod.Post, "v1/Data/DEMO/customer", body);

        var error = await WeavyTestClient.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], WeavyTestClient.DetailFields(error.GetProperty("error")));
        Assert.Null(client.Weavy.Record("customer", "X1"));
    }

    [Fact]
    public async Task Put_changes_only_the_given_fields_restamps_and_marks_the_record_to_export()
    {
        var clock = new ManualTimeProvider(Start);
        await using var client = await StartAsync(clock);
        var before = client.Weavy.Record("customer", "C000003")!;

        clock.Advance(TimeSpan.FromMinutes(5));
        var record = await client.OkAsync(HttpMethod.Put, "v1/Data/DEMO/customer/C000003", """{"city":"Quimper","srvDateUTC":"2000-01-01T00:00:00"}""");

        var after = client.Weavy.Record("customer", "C000003")!;
        Assert.Equal("Quimper", after["city"]);
        Assert.Equal("2025-05-06T07:13:09", record.GetProperty("srvDateUTC").GetString());
        Assert.Equal(0L, after["srvExport"]);
        foreach (var field in new[] { "name", "email", "revenue", "status", "isActive", "createdOn", "baseuser_ID" })
        {
            Assert.Equal(before[field], after[field]);
        }
    }

    [Fact]
    public async Task Put_of_identical_values_changes_nothing_and_two_writes_in_one_second_still_differ()
    {
        var clock = new ManualTimeProvider(Start);
        await using var client = await StartAsync(clock);
        var city = (string)client.Weavy.Record("customer", "C000004")!["city"]!;
        var stamp = client.Weavy.Record("customer", "C000004")!["srvDateUTC"];

        await client.OkAsync(HttpMethod.Put, "v1/Data/DEMO/customer/C000004", $$"""{"city":"{{city}}"}""");
        Assert.Equal(stamp, client.Weavy.Record("customer", "C000004")!["srvDateUTC"]);

        var first = await client.OkAsync(HttpMethod.Put, "v1/Data/DEMO/customer/C000004", """{"city":"Brest"}""");
        var second = await client.OkAsync(HttpMethod.Put, "v1/Data/DEMO/customer/C000004", """{"city":"Vannes"}""");
        Assert.Equal("2025-05-06T07:08:09", first.GetProperty("srvDateUTC").GetString());
        Assert.Equal("2025-05-06T07:08:10", second.GetProperty("srvDateUTC").GetString());
    }

    [Fact]
    public async Task Put_of_another_code_is_400_and_of_an_unknown_record_404()
    {
        await using var client = await StartAsync(new ManualTimeProvider(Start));

        using (var other = await client.SendAsync(HttpMethod.Put, "v1/Data/DEMO/customer/C000001", """{"customer_ID":"C000002","city":"Brest"}"""))
        {
            await WeavyTestClient.AssertErrorAsync(other, 400, "InvalidValue");
        }

        using var unknown = await client.SendAsync(HttpMethod.Put, "v1/Data/DEMO/customer/NOPE", """{"city":"Brest"}""");
        await WeavyTestClient.AssertErrorAsync(unknown, 404, "NotFound");
        Assert.NotEqual("Brest", client.Weavy.Record("customer", "C000001")!["city"]);
    }

    [Fact]
    public async Task Delete_is_logical_by_default_and_physical_on_request()
    {
        await using var client = await StartAsync(new ManualTimeProvider(Start));

        using (var logical = await client.SendAsync(HttpMethod.Delete, "v1/Data/DEMO/product/P0001"))
        {
            Assert.Equal(HttpStatusCode.NoContent, logical.StatusCode);
        }

        Assert.True((bool)client.Weavy.Record("product", "P0001")!["deleted"]!);
        Assert.Equal(299, client.Weavy.Count("product"));
        Assert.DoesNotContain("P0001", await client.CodesAsync("""{"entityName":"product","limit":10}""", "product_ID"));
        using (var read = await client.SendAsync(HttpMethod.Get, "v1/Data/DEMO/product/P0001"))
        {
            await WeavyTestClient.AssertErrorAsync(read, 404, "NotFound");
        }

        using (var recreate = await client.SendAsync(HttpMethod.Post, "v1/Data/DEMO/product", """{"product_ID":"P0001","label":"x"}"""))
        {
            await WeavyTestClient.AssertErrorAsync(recreate, 409, "AlreadyExists", "logically deleted");
        }

        using (var again = await client.SendAsync(HttpMethod.Delete, "v1/Data/DEMO/product/P0001"))
        {
            await WeavyTestClient.AssertErrorAsync(again, 404, "NotFound");
        }

        using (var physical = await client.SendAsync(HttpMethod.Delete, "v1/Data/DEMO/product/P0001?deleteMode=Physical"))
        {
            Assert.Equal(HttpStatusCode.NoContent, physical.StatusCode);
        }

        Assert.Null(client.Weavy.Record("product", "P0001"));
        using var bogus = await client.SendAsync(HttpMethod.Delete, "v1/Data/DEMO/product/P0002?deleteMode=Soft");
        await WeavyTestClient.AssertErrorAsync(bogus, 400, "InvalidRequest", "deleteMode");
        Assert.NotNull(client.Weavy.Record("product", "P0002"));
    }

    [Fact]
    public async Task A_record_others_refer_to_cannot_be_deleted_physically_but_logically()
    {
        await using var client = await StartAsync(new ManualTimeProvider(Start));
        var contact = client.Weavy.Records("customercontact")[0];
        var customer = (string)contact["customer_ID"]!;

        using (var physical = await client.SendAsync(HttpMethod.Delete, $"v1/Data/DEMO/customer/{customer}?deleteMode=Physical"))
        {
            await WeavyTestClient.AssertErrorAsync(physical, 409, "StillReferenced", (string)contact["customercontact_ID"]!);
        }

        Assert.NotNull(client.Weavy.Record("customer", customer));
        using var logical = await client.SendAsync(HttpMethod.Delete, $"v1/Data/DEMO/customer/{customer}");
        Assert.Equal(HttpStatusCode.NoContent, logical.StatusCode);
    }
}
