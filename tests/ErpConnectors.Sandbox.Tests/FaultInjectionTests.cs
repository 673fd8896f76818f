using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task A_queued_fault_fires_once_on_the_first_matching_request()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        server.Severa.Faults.Enqueue(new InjectedFault(503, "GET", "/customers"));

        using (var users = await client.SendAsync(HttpMethod.Get, "users"))
        {
            Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        }

        using (var faulted = await client.SendAsync(HttpMethod.Get, "customers"))
        {
            await SeveraTestClient.AssertErrorAsync(faulted, 503, "InternalSystemError");
        }

        await client.GetOkAsync("customers");
        Assert.Equal(0, server.Severa.Faults.PendingCount);
        var log = server.Requests.Snapshot().Where(r => r.Path.EndsWith("/customers", StringComparison.Ordinal)).ToList();
        Assert.Equal([true, false], log.Select(r => r.FaultInjected));
        Assert.Equal([503, 200], log.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task SkipMatches_lets_that_many_matching_requests_through_first()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        server.Severa.Faults.Enqueue(new InjectedFault(500, PathContains: "customers", SkipMatches: 2));

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, "customers?rowCount=1");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 200, 500, 200], statuses);
    }

    [Fact]
    public async Task Injected_429_and_401_look_like_the_vendors_answers()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        server.Severa.Faults.Enqueue(new InjectedFault(429));
        server.Severa.Faults.Enqueue(new InjectedFault(401));

        using (var tooMany = await client.SendAsync(HttpMethod.Get, "customers"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
            Assert.Equal("text/plain", tooMany.Content.Headers.ContentType!.MediaType);
            Assert.Equal("API calls quota exceeded! maximum admitted 10 per Second.", await tooMany.Content.ReadAsStringAsync());
        }

        using var unauthorized = await client.SendAsync(HttpMethod.Get, "customers");
        var error = await SeveraTestClient.AssertErrorAsync(unauthorized, 401, "AuthenticationRequired");
        Assert.StartsWith("Authorization header is missing", SeveraTestClient.FirstMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterHandling_applies_the_write_and_loses_the_answer()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var before = server.Severa.WorkHourCount;
        server.Severa.Faults.Enqueue(new InjectedFault(500, "POST", "/workhours", AfterHandling: true));

        using var response = await client.SendAsync(HttpMethod.Post, "workhours", SeveraWorkHourTests.ValidBody(server));

        await SeveraTestClient.AssertErrorAsync(response, 500, "InternalSystemError");
        Assert.Equal(before + 1, server.Severa.WorkHourCount);
        Assert.Single(server.Requests.Snapshot(), r => r.Method == "POST" && r.Path.EndsWith("/workhours", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_endpoints_are_exempt_unless_a_fault_names_them()
    {
        await using var client = await SeveraTestClient.StartAsync(scope: string.Empty);
        var server = client.Server;
        server.Severa.Faults.TooManyRequestsRate = 1;
        server.Severa.Faults.Latency = TimeSpan.FromSeconds(5);
        server.Severa.Faults.Enqueue(new InjectedFault(503));

        var watch = Stopwatch.StartNew();
        await client.AuthenticateAsync("customers:read");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4));
        Assert.Equal(1, server.Severa.Faults.PendingCount);

        using (var api = await client.SendAsync(HttpMethod.Get, "customers"))
        {
            await SeveraTestClient.AssertErrorAsync(api, 503, "InternalSystemError");
        }

        using (var random = await client.SendAsync(HttpMethod.Get, "customers"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, random.StatusCode);
        }

        server.Severa.Faults.Reset();
        server.Severa.Faults.Enqueue(new InjectedFault(503, PathContains: "/refreshtoken"));
        var body = await client.AuthenticateAsync("customers:read");
        using var refresh = await client.RefreshAsync(JsonSerializer.Serialize(body.GetProperty("refresh_token").GetString()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refresh.StatusCode);
    }

    [Fact]
    public async Task Latency_delays_api_requests()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        server.Severa.Faults.Latency = TimeSpan.FromMilliseconds(300);

        var watch = Stopwatch.StartNew();
        await client.GetOkAsync("customers?rowCount=1");

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"Took {watch.Elapsed}.");
    }

    [Fact]
    public async Task Random_server_errors_follow_the_rate()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        server.Severa.Faults.ServerErrorRate = 1;

        for (var i = 0; i < 5; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, "customers?rowCount=1");
            Assert.True(response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable);
        }

        server.Severa.Faults.ServerErrorRate = 0;
        await client.GetOkAsync("customers?rowCount=1");
    }
}
