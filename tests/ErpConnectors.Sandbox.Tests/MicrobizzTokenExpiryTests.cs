using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// MicrobizzSandboxOptions.TokenExpiryRate: tokens that expire at random moments (the document: "can be expected
/// to expire anytime"), seeded, never on a token's first request, so log-in-again-and-replay-once recovers.
/// </summary>
public sealed class MicrobizzTokenExpiryTests
{
    [Fact]
    public async Task At_rate_1_a_token_serves_its_first_request_then_answers_401_in_the_error_shape_for_good()
    {
        await using var client = await MicrobizzTestClient.StartAsync(o => o.Microbizz.TokenExpiryRate = 1);

        await client.GetOkAsync("task/1");
        await client.AssertErrorAsync(HttpMethod.Get, "task/2", null, 401, "Unauthorized", "log in again");
        await client.AssertErrorAsync(HttpMethod.Post, "task", """{"title":"Never written"}""", 401, "Unauthorized", "log in again");
        Assert.Equal(1, client.Microbizz.TokensExpiredAtRandom);

        // A fresh login gives a token that works (for its first request, at this rate).
        await client.LogInAsync();
        Assert.Equal(2, (await client.GetOkAsync("task/2")).GetProperty("task_id").GetInt64());
        await client.AssertErrorAsync(HttpMethod.Get, "task/2", null, 401, "Unauthorized");
        Assert.Equal(2, client.Microbizz.TokensExpiredAtRandom);

        client.Microbizz.Options.TokenExpiryRate = 0;
        await client.LogInAsync();
        Assert.Empty(await client.ListAsync("task?title=never%20written"));
    }

    [Fact]
    public async Task At_rate_1_a_client_that_logs_in_again_and_replays_once_reads_every_task_once()
    {
        const int Tasks = 40;
        await using var client = await StartAsync(Tasks, rate: 1);

        Assert.Equal(AllIds(Tasks), await ReadOneByOneAsync(client, Tasks));
        // Every token served exactly one request: one login per task.
        Assert.Equal(Tasks, client.Microbizz.LoginRequests);
        Assert.Equal(Tasks - 1, client.Microbizz.TokensExpiredAtRandom);
    }

    [Fact]
    public async Task At_rate_0_3_tokens_die_now_and_then_and_login_plus_one_replay_reads_everything_once()
    {
        const int Tasks = 150;
        await using var client = await StartAsync(Tasks, rate: 0.3);

        Assert.Equal(AllIds(Tasks), await ReadOneByOneAsync(client, Tasks));
        for (var pass = 0; pass < 10; pass++)
        {
            var list = await GetReplayingOnceAsync(client, "task");
            Assert.Equal(AllIds(Tasks), list.EnumerateArray().Select(t => t.GetProperty("task_id").GetInt64()));
        }

        var expired = client.Microbizz.TokensExpiredAtRandom;
        Assert.InRange(expired, 1, Tasks - 1); // some, not all, of the 160 requests
        Assert.Equal(1 + expired, client.Microbizz.LoginRequests);
    }

    [Fact]
    public async Task The_same_seed_expires_the_same_requests_and_another_seed_others()
    {
        var a = await StatusesAsync(seed: 7);
        var b = await StatusesAsync(seed: 7);
        var c = await StatusesAsync(seed: 8);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Contains(401, a);
        Assert.Contains(200, a);

        static async Task<List<int>> StatusesAsync(int seed)
        {
            await using var client = await MicrobizzTestClient.StartAsync(o =>
            {
                o.Seed = seed;
                o.Microbizz.TokenExpiryRate = 0.5;
            });
            var statuses = new List<int>();
            for (var i = 0; i < 60; i++)
            {
                using var response = await client.SendAsync(HttpMethod.Get, "task/1");
                statuses.Add((int)response.StatusCode);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    await client.LogInAsync();
                }
            }

            return statuses;
        }
    }

    [Fact]
    public async Task Requests_refused_before_the_token_check_neither_use_the_token_nor_expire_it()
    {
        await using var client = await MicrobizzTestClient.StartAsync(o => o.Microbizz.TokenExpiryRate = 1);

        await client.AssertErrorAsync(HttpMethod.Delete, "task/1", null, 405, "MethodNotAllowed");
        await client.AssertErrorAsync(HttpMethod.Get, "nosuchobject", null, 404, "NotFound");
        client.Microbizz.Faults.Enqueue(new InjectedFault(503, "GET", "/task/1"));
        await client.AssertErrorAsync(HttpMethod.Get, "task/1", null, 503, "ServiceUnavailable");

        await client.GetOkAsync("task/1");
        await client.AssertErrorAsync(HttpMethod.Get, "task/1", null, 401, "Unauthorized");
        Assert.Equal(1, client.Microbizz.TokensExpiredAtRandom);
    }

    [Fact]
    public async Task The_rate_is_read_on_every_request_and_0_by_default()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        Assert.Equal(0, client.Microbizz.Options.TokenExpiryRate);
        for (var i = 0; i < 20; i++)
        {
            await client.GetOkAsync("currentuser");
        }

        client.Microbizz.Options.TokenExpiryRate = 1;
        await client.AssertErrorAsync(HttpMethod.Get, "currentuser", null, 401, "Unauthorized");
        Assert.Equal(1, client.Microbizz.TokensExpiredAtRandom);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public async Task A_rate_outside_0_to_1_is_refused_at_start(double rate)
    {
        var options = new SandboxOptions();
        options.Microbizz.TokenExpiryRate = rate;
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(options));
        Assert.Equal("options.Microbizz.TokenExpiryRate", error.ParamName);
    }

    private static Task<MicrobizzTestClient> StartAsync(int tasks, double rate) => MicrobizzTestClient.StartAsync(o =>
    {
        o.Microbizz.TaskCount = tasks;
        o.Microbizz.TokenExpiryRate = rate;
    });

    private static List<long> AllIds(int tasks) => [.. Enumerable.Range(1, tasks).Select(i => (long)i)];

    /// <summary>GET task/1 .. task/{tasks}, each logging in again and replaying once on 401; the task_ids read.</summary>
    private static async Task<List<long>> ReadOneByOneAsync(MicrobizzTestClient client, int tasks)
    {
        var ids = new List<long>();
        for (var id = 1; id <= tasks; id++)
        {
            ids.Add((await GetReplayingOnceAsync(client, $"task/{id}")).GetProperty("task_id").GetInt64());
        }

        return ids;
    }

    /// <summary>The contract's client rule: on 401 log in again with the held credential and replay once; the answer must be 200.</summary>
    private static async Task<System.Text.Json.JsonElement> GetReplayingOnceAsync(MicrobizzTestClient client, string relative)
    {
        using (var first = await client.SendAsync(HttpMethod.Get, relative))
        {
            if (first.StatusCode != HttpStatusCode.Unauthorized)
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
                return await MicrobizzTestClient.ReadJsonAsync(first);
            }

            await MicrobizzTestClient.AssertErrorAsync(first, 401, "Unauthorized", "log in again");
        }

        await client.LogInAsync();
        return await client.GetOkAsync(relative);
    }
}
