using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The Qics parts of the host: base URI, start banner, command line, options, seed.</summary>
public sealed class QicsHostTests
{
    [Fact]
    public async Task The_qics_base_uri_and_a_working_refresh_token_are_printed()
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        var server = client.Server;

        Assert.Equal($"{server.RootUri}qics/api", server.QicsBaseUri.ToString());
        var banner = server.Describe();
        foreach (var expected in new[] { server.QicsBaseUri.ToString(), SandboxCredentials.QicsClientId, SandboxCredentials.QicsClientSecret, SandboxCredentials.QicsApiKey, "tenant-id 3" })
        {
            Assert.Contains(expected, banner, StringComparison.Ordinal);
        }

        var line = banner.Split('\n').Single(l => l.Contains("refresh_token ", StringComparison.Ordinal));
        client.RefreshToken = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        await client.RefreshAsync();
        await client.GetOkAsync("OverviewItem?$top=1");

        using var http = new HttpClient();
        Assert.Contains(server.QicsBaseUri.ToString(), await http.GetStringAsync(server.RootUri), StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_reads_the_qics_options()
    {
        var parsed = CommandLine.Parse(["--qics-customers", "1200", "--qics-token-lifetime=90", "--qics-next-links", "--qics-bare-arrays"], portVariable: null);

        Assert.Equal(1200, parsed.Options.Qics.CustomerCount);
        Assert.Equal(TimeSpan.FromSeconds(90), parsed.Options.Qics.AccessTokenLifetime);
        Assert.True(parsed.Options.Qics.UseNextLinks);
        Assert.True(parsed.Options.Qics.BareArrays);
        var defaults = CommandLine.Parse([], null).Options.Qics;
        Assert.Equal((500, false, false), (defaults.CustomerCount, defaults.UseNextLinks, defaults.BareArrays));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--qics-next-links=true"], null));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--qics-customers", "100001"], null));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--qics-token-lifetime", "0"], null));
    }

    [Fact]
    public async Task The_command_lines_fault_settings_reach_qics()
    {
        var parsed = CommandLine.Parse(["--latency", "5", "--rate429", "0.25", "--rate5xx", "0.5"], null);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());

        parsed.ApplyFaults(server);

        var faults = server.Qics.Faults;
        Assert.Equal((TimeSpan.FromMilliseconds(5), 0.25, 0.5), (faults.Latency, faults.TooManyRequestsRate, faults.ServerErrorRate));
    }

    [Fact]
    public async Task One_seed_generates_the_same_data_and_another_seed_differs()
    {
        await using var a = await QicsTestClient.StartAsync(o => o.Seed = 7);
        await using var b = await QicsTestClient.StartAsync(o => o.Seed = 7);
        await using var c = await QicsTestClient.StartAsync(o => o.Seed = 8);
        const string Page = "OverviewProject?$top=200";

        var rowsA = (await a.ValuesAsync(Page)).Select(r => r.GetRawText()).ToList();

        Assert.Equal(rowsA, (await b.ValuesAsync(Page)).Select(r => r.GetRawText()));
        Assert.NotEqual(rowsA, (await c.ValuesAsync(Page)).Select(r => r.GetRawText()));
    }

    [Fact]
    public async Task The_customer_count_is_honoured_and_zero_customers_means_no_projects()
    {
        await using var none = await QicsTestClient.StartAsync(o => o.Qics.CustomerCount = 0);

        Assert.Equal(0, (await none.GetOkAsync("OverviewCustomer?$count=true")).GetProperty("@odata.count").GetInt64());
        Assert.Equal(0, (await none.GetOkAsync("OverviewProject?$count=true")).GetProperty("@odata.count").GetInt64());
        Assert.Equal(100, (await none.GetOkAsync("OverviewEmployee?$count=true")).GetProperty("@odata.count").GetInt64());
        Assert.Equal(200, (await none.GetOkAsync("OverviewItem?$count=true")).GetProperty("@odata.count").GetInt64());
    }

    [Theory]
    [InlineData(-1, 1000)]
    [InlineData(100_001, 1000)]
    [InlineData(10, 0)]
    public async Task Invalid_qics_options_are_refused_before_binding(int customers, int maxTop)
    {
        var options = new SandboxOptions();
        options.Qics.CustomerCount = customers;
        options.Qics.MaxTop = maxTop;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(options));
    }
}
