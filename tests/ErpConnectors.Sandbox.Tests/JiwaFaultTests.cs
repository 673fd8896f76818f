using System.Diagnostics;
using System.Net;

namespace ErpConnectors.Sandbox.Tests;

public sealed class JiwaFaultTests
{
    private const string Debtor = "Debtors/0000000061000000001V";

    [Fact]
    public async Task Queued_faults_answer_in_the_ResponseStatus_shape_once_each()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var faults = client.Server.Jiwa.Faults;
        faults.Enqueue(new InjectedFault(429, "GET", "/Debtors/"));
        faults.Enqueue(new InjectedFault(503, PathContains: "/Debtors/"));
        faults.Enqueue(new InjectedFault(401, PathContains: "/Debtors/"));

        await client.GetOkAsync("Queries/DebtorList?Take=1");
        await client.ExpectErrorAsync(429, "TooManyRequests", HttpMethod.Get, Debtor);
        await client.ExpectErrorAsync(503, "InternalServerError", HttpMethod.Get, Debtor);
        await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, Debtor, message: "Not Authenticated");
        await client.GetOkAsync(Debtor);

        Assert.Equal(0, faults.PendingCount);
        var log = client.Server.Requests.Snapshot().Where(r => r.Path.EndsWith(Debtor, StringComparison.Ordinal)).ToList();
        Assert.Equal([429, 503, 401, 200], log.Select(r => r.StatusCode));
        Assert.Equal([true, true, true, false], log.Select(r => r.FaultInjected));
        Assert.All(log, r => Assert.Equal("jiwa", r.System));
    }

    [Fact]
    public async Task AfterHandling_applies_the_write_and_loses_the_answer()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var jiwa = client.Server.Jiwa;
        var before = jiwa.SalesOrderCount;
        var debtor = await client.DebtorAsync();
        jiwa.Faults.Enqueue(new InjectedFault(500, "POST", "/SalesOrders", AfterHandling: true));

        await client.ExpectErrorAsync(500, "InternalServerError", HttpMethod.Post, "SalesOrders",
            $$"""{"DebtorID":"{{debtor.GetProperty("DebtorID").GetString()}}","Lines":[{"PartNo":"P1000","QuantityOrdered":1}]}""");

        Assert.Equal(before + 1, jiwa.SalesOrderCount);
    }

    [Fact]
    public async Task Sign_in_and_logout_are_exempt_from_random_faults_and_latency_unless_a_fault_names_them()
    {
        await using var client = await JiwaTestClient.StartAsync(login: false);
        var faults = client.Server.Jiwa.Faults;
        faults.TooManyRequestsRate = 1;
        faults.Latency = TimeSpan.FromSeconds(5);
        faults.Enqueue(new InjectedFault(503));

        var watch = Stopwatch.StartNew();
        await client.LoginAsync();
        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "auth/logout");
        await client.LoginAsync();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"Took {watch.Elapsed}.");
        Assert.Equal(1, faults.PendingCount);

        faults.Latency = TimeSpan.Zero;
        await client.ExpectErrorAsync(503, "InternalServerError", HttpMethod.Get, Debtor);
        await client.ExpectErrorAsync(429, "TooManyRequests", HttpMethod.Get, Debtor);

        faults.Reset();
        faults.Enqueue(new InjectedFault(503, PathContains: "/jiwa/auth"));
        using var refused = await client.PostAuthAsync(JiwaTestClient.Credentials());
        await JiwaTestClient.AssertErrorAsync(refused, 503, "InternalServerError");
    }

    [Fact]
    public async Task Random_server_errors_follow_the_rate_and_latency_delays()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var faults = client.Server.Jiwa.Faults;
        faults.ServerErrorRate = 1;

        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, Debtor);
            Assert.True(response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable, $"{response.StatusCode}");
            await JiwaTestClient.AssertErrorAsync(response, (int)response.StatusCode, "InternalServerError");
        }

        faults.ServerErrorRate = 0;
        faults.Latency = TimeSpan.FromMilliseconds(300);
        var watch = Stopwatch.StartNew();
        await client.GetOkAsync(Debtor);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"Took {watch.Elapsed}.");
    }

    [Fact]
    public async Task Jiwa_faults_leave_Severa_alone()
    {
        await using var client = await JiwaTestClient.StartAsync();
        client.Server.Jiwa.Faults.ServerErrorRate = 1;
        using var severa = new SeveraTestClient(client.Server);
        await severa.AuthenticateAsync("customers:read");

        await severa.GetOkAsync("customers?rowCount=1");
    }

    [Fact]
    public async Task Unknown_routes_are_404_and_wrong_methods_405_even_without_a_session()
    {
        await using var client = await JiwaTestClient.StartAsync(login: false);

        await client.ExpectErrorAsync(404, "NotFound", HttpMethod.Get, "Creditors/1");
        await client.ExpectErrorAsync(404, "NotFound", HttpMethod.Get, "Queries/CreditorList");
        await client.ExpectErrorAsync(405, "MethodNotAllowed", HttpMethod.Delete, Debtor);
        await client.ExpectErrorAsync(405, "MethodNotAllowed", HttpMethod.Put, "SalesOrders");
        await client.ExpectErrorAsync(405, "MethodNotAllowed", HttpMethod.Post, "Inventory/x");
    }
}
