using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Tests;

public sealed class SandboxHostTests
{
    [Fact]
    public async Task The_server_binds_loopback_on_a_free_port_and_exposes_the_severa_base()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());

        Assert.Equal("127.0.0.1", server.RootUri.Host);
        Assert.NotEqual(0, server.RootUri.Port);
        Assert.Equal($"{server.RootUri}severa/rest-api/v1.0", server.SeveraBaseUri.ToString());
        using var http = new HttpClient();
        var index = await http.GetStringAsync(server.RootUri);
        Assert.Contains(server.SeveraBaseUri.ToString(), index, StringComparison.Ordinal);
        Assert.Contains(SandboxCredentials.SeveraClientSecret, index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_log_records_what_was_sent_and_answered()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        server.Requests.Clear();

        await client.GetOkAsync("customers?rowCount=5&isActive=true");
        using (await client.SendAsync(HttpMethod.Post, "workhours", "{}"))
        {
        }

        var log = server.Requests.Snapshot();
        Assert.Equal(2, log.Count);
        var get = log[0];
        Assert.Equal(("severa", "GET", "/severa/rest-api/v1.0/customers", 200), (get.System, get.Method, get.Path, get.StatusCode));
        Assert.Equal("?rowCount=5&isActive=true", get.QueryString);
        Assert.Equal("5", get.QueryValue("ROWCOUNT"));
        Assert.Equal(SandboxCredentials.SeveraClientId, get.Headers["client_id"]);
        Assert.StartsWith("Bearer ", get.Headers["Authorization"], StringComparison.Ordinal);
        Assert.True(get.ResponseHeaders.ContainsKey("NextPageToken"));
        Assert.True(get.TimeUtc > DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.Equal(("POST", 400, "{}"), (log[1].Method, log[1].StatusCode, log[1].Body));
        Assert.DoesNotContain(log, r => r.QueryString.Contains(client.AccessToken!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_servers_with_one_seed_generate_the_same_data_and_another_seed_differs()
    {
        await using var a = await SandboxServer.StartAsync(new SandboxOptions { Seed = 7 });
        await using var b = await SandboxServer.StartAsync(new SandboxOptions { Seed = 7 });
        await using var c = await SandboxServer.StartAsync(new SandboxOptions { Seed = 8 });

        Assert.Equal(a.Severa.Data.Customer(123), b.Severa.Data.Customer(123));
        Assert.Equal(a.Severa.WorkHours[10], b.Severa.WorkHours[10]);
        Assert.NotEqual(a.Severa.Data.Customer(123).Guid, c.Severa.Data.Customer(123).Guid);
    }

    [Fact]
    public async Task A_port_in_use_fails_the_start()
    {
        await using var first = await SandboxServer.StartAsync(new SandboxOptions());
        await Assert.ThrowsAnyAsync<IOException>(() => SandboxServer.StartAsync(new SandboxOptions { Port = first.RootUri.Port }));
    }

    [Fact]
    public void The_command_line_reads_every_option()
    {
        var parsed = CommandLine.Parse(
            ["--port", "5390", "--severa-customers=5000", "--latency", "100", "--token-lifetime", "60", "--rate429", "0.05", "--rate5xx", "0.01", "--severa-rps", "12", "--seed", "3"],
            portVariable: null);

        Assert.Equal(5390, parsed.Options.Port);
        Assert.Equal(5000, parsed.Options.Severa.CustomerCount);
        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(100), 0.05, 0.01), parsed.FaultsFor("severa"));
        Assert.Equal(TimeSpan.FromSeconds(60), parsed.Options.Severa.AccessTokenLifetime);
        Assert.Equal((12, 3), (parsed.Options.Severa.RequestsPerSecond, parsed.Options.Seed));
        Assert.Equal(CommandLine.DefaultPort, CommandLine.Parse([], null).Options.Port);
        Assert.Equal(6000, CommandLine.Parse([], "6000").Options.Port);
        Assert.True(CommandLine.Parse(["--help"], null).ShowHelp);
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--bogus"], null));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--rate429", "2"], null));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--port"], null));
    }

    [Fact]
    public async Task Invalid_options_are_refused_before_binding()
    {
        var options = new SandboxOptions();
        options.Severa.MaxRowCount = 0;
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(options));
    }
}
