using System.Diagnostics;
using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The shared fault injection on the Microbizz routes, answering in the Microbizz error shape; login exempt.</summary>
public sealed class MicrobizzFaultTests
{
    [Fact]
    public async Task A_queued_fault_answers_once_in_the_error_shape()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        client.Microbizz.Faults.Enqueue(new InjectedFault(503, "GET", "/task"));
        await client.GetOkAsync("company/1");
        await client.AssertErrorAsync(HttpMethod.Get, "task/1", null, 503, "ServiceUnavailable");
        await client.GetOkAsync("task/1");

        var log = client.Server.Requests.Snapshot().Where(r => r.System == "microbizz" && r.Path.EndsWith("/task/1", StringComparison.Ordinal)).ToList();
        Assert.Equal([true, false], log.Select(r => r.FaultInjected));
    }

    [Fact]
    public async Task Random_429s_spare_login_and_carry_Retry_After()
    {
        await using var client = await MicrobizzTestClient.StartAsync(logIn: false);
        client.Microbizz.Faults.TooManyRequestsRate = 1;
        await client.LogInAsync();
        using var response = await client.SendAsync(HttpMethod.Get, "task/1");
        await MicrobizzTestClient.AssertErrorAsync(response, 429, "TooManyRequests");
        Assert.Equal("1", response.Headers.GetValues("Retry-After").Single());

        client.Microbizz.Faults.Reset();
        await client.GetOkAsync("task/1");
    }

    [Fact]
    public async Task An_injected_401_looks_like_an_expired_token()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        client.Microbizz.Faults.Enqueue(new InjectedFault(401));
        await client.AssertErrorAsync(HttpMethod.Get, "currentuser", null, 401, "Unauthorized", "log in again");
        await client.GetOkAsync("currentuser");
    }

    [Fact]
    public async Task A_fault_after_handling_applies_the_write_and_loses_the_answer()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        client.Microbizz.Faults.Enqueue(new InjectedFault(500, "POST", "/task", AfterHandling: true));
        await client.AssertErrorAsync(HttpMethod.Post, "task", """{"title":"Lost answer"}""", 500, "InternalServerError");
        Assert.Single(await client.ListAsync("task?title=lost%20answer"));
    }

    [Fact]
    public async Task Latency_delays_API_requests_but_not_login()
    {
        await using var client = await MicrobizzTestClient.StartAsync(logIn: false);
        // A delayed login would outlast the client's 60 s timeout and fail: no upper time bound that load could break.
        client.Microbizz.Faults.Latency = TimeSpan.FromMinutes(10);
        await client.LogInAsync();

        client.Microbizz.Faults.Latency = TimeSpan.FromMilliseconds(400);
        var watch = Stopwatch.StartNew();
        await client.GetOkAsync("currentuser");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(380), $"currentuser took {watch.Elapsed}");
    }

    [Fact]
    public async Task The_host_describes_Microbizz_and_the_command_line_sets_it_up()
    {
        await using var client = await MicrobizzTestClient.StartAsync(logIn: false);
        var server = client.Server;
        Assert.Equal(new Uri(server.RootUri, "microbizz/api.php"), server.MicrobizzBaseUri);
        Assert.EndsWith("/microbizz/api.php", server.MicrobizzBaseUri.AbsoluteUri, StringComparison.Ordinal);
        var text = server.Describe();
        Assert.Contains(server.MicrobizzBaseUri.ToString(), text, StringComparison.Ordinal);
        Assert.Contains(SandboxCredentials.MicrobizzUserName, text, StringComparison.Ordinal);
        Assert.Contains(SandboxCredentials.MicrobizzPassword, text, StringComparison.Ordinal);

        var parsed = Hosting.CommandLine.Parse(["--microbizz-tasks", "1000000", "--rate5xx", "0.5"], null);
        Assert.Equal(1_000_000, parsed.Options.Microbizz.TaskCount);
        Assert.Throws<FormatException>(() => Hosting.CommandLine.Parse(["--microbizz-tasks", "-1"], null));
        parsed.ApplyFaults(server);
        Assert.Equal(0.5, server.Microbizz.Faults.ServerErrorRate);
    }

    [Fact]
    public async Task A_negative_task_count_is_refused_at_start()
    {
        var options = new SandboxOptions();
        options.Microbizz.TaskCount = -1;
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(options));
    }
}
