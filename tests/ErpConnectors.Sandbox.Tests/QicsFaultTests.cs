using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The shared fault injection on the Qics routes, answering in the OData error shape.</summary>
public sealed class QicsFaultTests
{
    [Fact]
    public async Task A_queued_fault_answers_once_in_the_odata_error_shape()
    {
        await using var client = await QicsTestClient.StartAsync();
        client.Qics.Faults.Enqueue(new InjectedFault(503, "GET", "/OverviewCustomer"));

        using (var other = await client.SendAsync(HttpMethod.Get, "OverviewItem?$top=1"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        using (var faulted = await client.SendAsync(HttpMethod.Get, "OverviewCustomer"))
        {
            var error = await QicsTestClient.AssertErrorAsync(faulted, 503, "injected fault");
            Assert.Equal("ServiceUnavailable", error.GetProperty("code").GetString());
        }

        await client.GetOkAsync("OverviewCustomer");
        var logged = client.Server.Requests.Snapshot().Where(r => r.Path.EndsWith("/OverviewCustomer", StringComparison.Ordinal)).ToList();
        Assert.Equal([true, false], logged.Select(r => r.FaultInjected));
    }

    [Fact]
    public async Task Injected_429_says_when_to_retry_and_injected_401_looks_like_a_bad_token()
    {
        await using var client = await QicsTestClient.StartAsync();
        client.Qics.Faults.Enqueue(new InjectedFault(429));
        client.Qics.Faults.Enqueue(new InjectedFault(401));

        using (var tooMany = await client.SendAsync(HttpMethod.Get, "OverviewItem"))
        {
            var error = await QicsTestClient.AssertErrorAsync(tooMany, 429);
            Assert.Equal("TooManyRequests", error.GetProperty("code").GetString());
            Assert.Equal(TimeSpan.FromSeconds(1), tooMany.Headers.RetryAfter!.Delta);
        }

        using var unauthorized = await client.SendAsync(HttpMethod.Get, "OverviewItem");
        await QicsTestClient.AssertErrorAsync(unauthorized, 401);
        Assert.Contains("invalid_token", unauthorized.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_faults_hit_api_calls_but_never_the_oauth_endpoints()
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        client.Qics.Faults.ServerErrorRate = 1;
        client.Qics.Faults.Latency = TimeSpan.FromMilliseconds(1);

        await client.SignInAsync();
        await client.RefreshAsync();

        using var response = await client.SendAsync(HttpMethod.Get, "OverviewItem");
        Assert.True((int)response.StatusCode is 500 or 503, $"{(int)response.StatusCode}");
        Assert.Equal(0, client.Server.Severa.Faults.ServerErrorRate);
    }

    [Fact]
    public async Task A_fault_after_handling_applies_the_write_and_loses_the_answer()
    {
        await using var client = await QicsTestClient.StartAsync();
        var before = client.Qics.EntityStates.Count;
        client.Qics.Faults.Enqueue(new InjectedFault(500, "POST", "/EntityState", AfterHandling: true));

        using var response = await client.SendAsync(
            HttpMethod.Post,
            "EntityState",
            """{"EntityStateId":0,"CompanyId":1,"DataSource":"Lost","EntityType":"Item","EntityId":5,"DataSourceDate":"2025-02-03T10:15:00Z","IsError":true}""");

        await QicsTestClient.AssertErrorAsync(response, 500, "injected fault");
        Assert.Equal(before + 1, client.Qics.EntityStates.Count);
        using var retry = await client.SendAsync(
            HttpMethod.Post,
            "EntityState",
            """{"EntityStateId":0,"CompanyId":1,"DataSource":"Lost","EntityType":"Item","EntityId":5,"DataSourceDate":"2025-02-03T10:15:00Z","IsError":true}""");
        await QicsTestClient.AssertErrorAsync(retry, 409, "already exists");
    }

    [Fact]
    public async Task A_queued_fault_reaches_the_token_endpoint_only_when_it_names_its_path()
    {
        await using var client = await QicsTestClient.StartAsync();
        client.Qics.Faults.Enqueue(new InjectedFault(500));
        client.Qics.Faults.Enqueue(new InjectedFault(503, PathContains: "/oauth2/oauth2/token"));

        using (var refresh = await client.PostTokenAsync(QicsTestClient.RefreshForm(client.RefreshToken!)))
        {
            await QicsTestClient.AssertErrorAsync(refresh, 503);
        }

        Assert.Equal(1, client.Qics.Faults.PendingCount);
        await client.RefreshAsync();
        using var api = await client.SendAsync(HttpMethod.Get, "OverviewItem");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
    }
}
