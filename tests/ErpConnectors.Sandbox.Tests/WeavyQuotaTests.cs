using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The quota per calling IP: 429 beyond RequestsPerWindow calls in the window, and nothing done.</summary>
public sealed class WeavyQuotaTests
{
    private const string Select = """{"entityName":"product","limit":1}""";

    [Fact]
    public async Task Calls_beyond_the_quota_are_429_with_retry_after_and_authenticate_counts_too()
    {
        await using var client = await WeavyTestClient.StartAsync(o =>
        {
            o.Weavy.CustomerCount = 5;
            o.Weavy.RequestsPerWindow = 3;
        });

        await client.SelectAsync(Select);
        await client.SelectAsync(Select);
        using var refused = await client.PostDataAsync("Select", Select);

        await WeavyTestClient.AssertErrorAsync(refused, 429, "TooManyRequests", "at most 3 calls per 60 s");
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal(2, client.Weavy.SelectRequests);
        using var authenticate = await client.AuthenticateAsync(WeavyTestClient.AuthenticateBody());
        Assert.Equal(HttpStatusCode.TooManyRequests, authenticate.StatusCode);
    }

    [Fact]
    public async Task An_import_refused_by_the_quota_was_not_applied()
    {
        await using var client = await WeavyTestClient.StartAsync(o =>
        {
            o.Weavy.CustomerCount = 5;
            o.Weavy.RequestsPerWindow = 1;
        });

        using var response = await client.PostDataAsync("BulkImport", """{"entityName":"product","rows":[{"product_ID":"Q1","label":"Quota"}]}""");

        await WeavyTestClient.AssertErrorAsync(response, 429, "TooManyRequests");
        Assert.Null(client.Weavy.Record("product", "Q1"));
        Assert.Equal((0, 0), (client.Weavy.BulkImportRequests, client.Weavy.AppliedBulkImports));
    }

    [Fact]
    public async Task The_window_slides_calls_are_allowed_again_once_old_ones_leave_it()
    {
        await using var client = await WeavyTestClient.StartAsync(o =>
        {
            o.Weavy.CustomerCount = 5;
            o.Weavy.RequestsPerWindow = 2;
            o.Weavy.Window = TimeSpan.FromMilliseconds(400);
        });

        await client.SelectAsync(Select);
        using (var refused = await client.PostDataAsync("Select", Select))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await client.SelectAsync(Select);
    }
}
