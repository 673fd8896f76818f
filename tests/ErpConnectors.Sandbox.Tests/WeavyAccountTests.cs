using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>POST v1/Data/{projectCode}/Users (accounts and licences) and POST .../Tasks (no duplicate pending tasks).</summary>
public sealed class WeavyAccountTests
{
    private static Task<WeavyTestClient> StartAsync() => WeavyTestClient.StartAsync(o => o.Weavy.CustomerCount = 5);

    [Fact]
    public async Task Missing_accounts_are_created_and_active_ones_beyond_the_licences_become_disabled()
    {
        await using var client = await StartAsync();
        Assert.Equal((25, 18), (client.Weavy.LicenceCount, client.Weavy.ActiveAccounts));
        var requests = Enumerable.Range(1, 9).Select(i => new { login = $"new{i}", name = $"Nouveau {i}", email = $"new{i}@example.fr", status = "Active" });

        var answer = await client.PostDataOkAsync("Users", JsonSerializer.Serialize(requests));

        var accounts = answer.EnumerateArray().ToList();
        Assert.Equal(["login", "name", "email", "status"], accounts[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(Enumerable.Range(1, 9).Select(i => $"new{i}"), accounts.Select(a => a.GetProperty("login").GetString()));
        Assert.Equal([.. Enumerable.Repeat("Active", 7), "Disabled", "Disabled"], accounts.Select(a => a.GetProperty("status").GetString()));
        Assert.Equal(25, client.Weavy.ActiveAccounts);
        Assert.Equal(29, client.Weavy.Accounts.Count);
        Assert.Equal("Nouveau 9", client.Weavy.Record("baseuser", "new9")!["name"]);
    }

    [Fact]
    public async Task An_existing_account_only_changes_status_and_freeing_a_licence_lets_a_later_one_be_active()
    {
        await using var client = await StartAsync();
        client.Weavy.LicenceCount = 18;
        var active = client.Weavy.Accounts.First(a => a.Status == "Active");
        var disabled = client.Weavy.Accounts.First(a => a.Status == "Disabled");

        var answer = await client.PostDataOkAsync("Users", $$"""
            [{"login":"{{disabled.Login}}","status":"active"},
             {"login":"{{active.Login.ToUpperInvariant()}}","name":"Ignoré","email":"ignore@example.fr","status":"Locked"},
             {"login":"{{disabled.Login}}","status":"Active"}]
            """);

        Assert.Equal(["Disabled", "Locked", "Active"], answer.EnumerateArray().Select(a => a.GetProperty("status").GetString()));
        var after = client.Weavy.Accounts.Single(a => a.Login == active.Login);
        Assert.Equal((active.Name, active.Email, "Locked"), (after.Name, after.Email, after.Status));
        Assert.Equal("Active", client.Weavy.Accounts.Single(a => a.Login == disabled.Login).Status);
        Assert.Equal(18, client.Weavy.ActiveAccounts);
        Assert.Equal(20, client.Weavy.Accounts.Count);
    }

    [Theory]
    [InlineData("""[{"login":"ok1"},{"name":"no login"}]""", "body[1].login")]
    [InlineData("""[{"login":"ok1"},{"login":"ok2","status":"Sleeping"}]""", "body[1].status")]
    public async Task A_bad_entry_refuses_the_whole_call(string body, string field)
    {
        await using var client = await StartAsync();

        using var response = await client.PostDataAsync("Users", body);

        var error = await WeavyTestClient.ReadJsonAsync(response);
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal([field], WeavyTestClient.DetailFields(error.GetProperty("error")));
        Assert.DoesNotContain(client.Weavy.Accounts, a => a.Login == "ok1");
    }

    [Fact]
    public async Task Tasks_are_created_once_per_code_while_pending()
    {
        await using var client = await StartAsync();

        var first = await client.PostDataOkAsync("Tasks", """["SYNC_STOCK","SEND_MAILS","SYNC_STOCK","sync_stock"]""");
        Assert.Equal(
            [("SYNC_STOCK", 1L, "Pending"), ("SEND_MAILS", 2L, "Pending")],
            first.EnumerateArray().Select(t => (t.GetProperty("taskCode").GetString(), t.GetProperty("taskId").GetInt64(), t.GetProperty("status").GetString())));

        var second = await client.PostDataOkAsync("Tasks", """["SEND_MAILS","PURGE"]""");
        Assert.Equal(["PURGE"], second.EnumerateArray().Select(t => t.GetProperty("taskCode").GetString()));

        client.Weavy.CompleteTasks();
        var third = await client.PostDataOkAsync("Tasks", """["SEND_MAILS"]""");
        Assert.Equal(4, third[0].GetProperty("taskId").GetInt64());
        Assert.Equal(4, client.Weavy.Tasks.Count);
        Assert.Equal(["Done", "Done", "Done", "Pending"], client.Weavy.Tasks.Select(t => t.Status));

        using var bad = await client.PostDataAsync("Tasks", """["OK",""]""");
        Assert.Equal(["body[1]"], WeavyTestClient.DetailFields(await WeavyTestClient.AssertErrorAsync(bad, 400, "InvalidValue")));
        Assert.Equal(4, client.Weavy.Tasks.Count);
    }
}
