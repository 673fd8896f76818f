using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The shared fault injection on the Weavy routes, answering in the Weavy error shape.</summary>
public sealed class WeavyFaultTests
{
    private const string Select = """{"entityName":"product","limit":1}""";

    private static Task<WeavyTestClient> StartAsync(bool signIn = true) => WeavyTestClient.StartAsync(o => o.Weavy.CustomerCount = 5, signIn);

    [Fact]
    public async Task A_queued_fault_answers_once_in_the_weavy_error_shape()
    {
        await using var client = await StartAsync();
        client.Weavy.Faults.Enqueue(new InjectedFault(503, "POST", "/Select"));

        await client.OkAsync(HttpMethod.Get, "v1/Dictionary/DEMO");
        using (var faulted = await client.PostDataAsync("Select", Select))
        {
            await WeavyTestClient.AssertErrorAsync(faulted, 503, "ServiceUnavailable", "injected fault");
        }

        await client.SelectAsync(Select);
        var logged = client.Server.Requests.Snapshot().Where(r => r.Path.EndsWith("/Select", StringComparison.Ordinal)).ToList();
        Assert.Equal([true, false], logged.Select(r => r.FaultInjected));
        Assert.All(logged, r => Assert.Equal("weavy", r.System));
    }

    [Fact]
    public async Task Injected_429_says_when_to_retry_and_injected_401_looks_like_a_bad_token()
    {
        await using var client = await StartAsync();
        client.Weavy.Faults.Enqueue(new InjectedFault(429));
        client.Weavy.Faults.Enqueue(new InjectedFault(401));

        using (var tooMany = await client.PostDataAsync("Select", Select))
        {
            await WeavyTestClient.AssertErrorAsync(tooMany, 429, "TooManyRequests");
            Assert.Equal(TimeSpan.FromSeconds(1), tooMany.Headers.RetryAfter!.Delta);
        }

        using var unauthorized = await client.PostDataAsync("Select", Select);
        await WeavyTestClient.AssertErrorAsync(unauthorized, 401, "InvalidToken");
        Assert.Contains("invalid_token", unauthorized.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_faults_hit_api_calls_but_never_authenticate()
    {
        await using var client = await StartAsync(signIn: false);
        client.Weavy.Faults.ServerErrorRate = 1;
        client.Weavy.Faults.Latency = TimeSpan.FromMilliseconds(1);

        await client.SignInAsync();
        await client.SignInAsync();

        using var response = await client.PostDataAsync("Select", Select);
        Assert.True((int)response.StatusCode is 500 or 503, $"{(int)response.StatusCode}");
        Assert.Equal(0, client.Weavy.SelectRequests);
        Assert.Equal(0, client.Server.Qics.Faults.ServerErrorRate);
    }

    [Fact]
    public async Task A_fault_after_handling_applies_the_import_and_loses_the_answer_and_resending_changes_nothing()
    {
        await using var client = await StartAsync();
        const string Import = """{"entityName":"product","rows":[{"product_ID":"LOST","label":"Perdu"}]}""";
        client.Weavy.Faults.Enqueue(new InjectedFault(500, "POST", "/BulkImport", AfterHandling: true));

        using (var lost = await client.PostDataAsync("BulkImport", Import))
        {
            await WeavyTestClient.AssertErrorAsync(lost, 500, "InternalError", "injected fault");
        }

        Assert.NotNull(client.Weavy.Record("product", "LOST"));
        Assert.Equal(1, client.Weavy.AppliedBulkImports);
        var again = await client.PostDataOkAsync("BulkImport", Import);
        Assert.Equal((0, 0), (again.GetProperty("addedRow").GetInt32(), again.GetProperty("updatedRow").GetInt32()));
    }

    [Fact]
    public async Task A_queued_fault_reaches_authenticate_only_when_it_names_its_path()
    {
        await using var client = await StartAsync();
        client.Weavy.Faults.Enqueue(new InjectedFault(500));
        client.Weavy.Faults.Enqueue(new InjectedFault(503, PathContains: "/v1/Authenticate"));

        using (var authenticate = await client.AuthenticateAsync(WeavyTestClient.AuthenticateBody()))
        {
            await WeavyTestClient.AssertErrorAsync(authenticate, 503, "ServiceUnavailable");
        }

        Assert.Equal(1, client.Weavy.Faults.PendingCount);
        await client.SignInAsync();
        using var api = await client.PostDataAsync("Select", Select);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
    }
}
