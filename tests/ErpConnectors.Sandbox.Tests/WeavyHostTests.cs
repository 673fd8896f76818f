using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>Weavy in the shared host: base URI, banner, command line, options, seed.</summary>
public sealed class WeavyHostTests
{
    [Fact]
    public async Task The_base_uri_is_root_weavy_and_the_banner_lists_it_with_the_demo_credentials()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());

        Assert.Equal($"{server.RootUri}weavy", server.WeavyBaseUri.ToString());
        var banner = server.Describe();
        Assert.Contains(server.WeavyBaseUri.ToString(), banner, StringComparison.Ordinal);
        foreach (var credential in new[] { SandboxCredentials.WeavyProjectCode, SandboxCredentials.WeavyUserName, SandboxCredentials.WeavyPassword })
        {
            Assert.Contains(credential, banner, StringComparison.Ordinal);
        }

        var logged = new WeavyTestClient(server);
        await logged.SignInAsync();
        Assert.Contains(server.Requests.Snapshot(), r => r.System == "weavy" && r.Path == "/weavy/v1/Authenticate" && r.StatusCode == 200);
        logged.Http.Dispose();
    }

    [Fact]
    public void The_command_line_reads_the_weavy_options_and_applies_faults_to_weavy_too()
    {
        var parsed = CommandLine.Parse(["--weavy-customers", "1200", "--weavy-token-lifetime=90", "--weavy-quota", "30"], portVariable: null);

        Assert.Equal(1200, parsed.Options.Weavy.CustomerCount);
        Assert.Equal(TimeSpan.FromSeconds(90), parsed.Options.Weavy.TokenLifetime);
        Assert.Equal(30, parsed.Options.Weavy.RequestsPerWindow);
        Assert.Equal(TimeSpan.FromMinutes(1), parsed.Options.Weavy.Window);
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--weavy-customers", "-1"], null));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--weavy-token-lifetime", "0"], null));
        Assert.Contains("--weavy-quota", CommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shared_fault_settings_reach_weavy()
    {
        var parsed = CommandLine.Parse(["--rate5xx", "0.25", "--latency", "5"], portVariable: null);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());

        parsed.ApplyFaults(server);

        Assert.Equal(0.25, server.Weavy.Faults.ServerErrorRate);
        Assert.Equal(TimeSpan.FromMilliseconds(5), server.Weavy.Faults.Latency);
    }

    [Fact]
    public async Task Invalid_weavy_options_are_refused_before_binding()
    {
        var options = new SandboxOptions();
        options.Weavy.Window = TimeSpan.Zero;
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(options));
        var many = new SandboxOptions();
        many.Weavy.CustomerCount = WeavySandboxOptions.MaxCustomerCount + 1;
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(many));
    }

    [Fact]
    public async Task One_seed_generates_the_same_records_and_another_seed_differs()
    {
        // Seeded change stamps end at the sandbox's start on its clock (the anchor): the same clock, the same data.
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        await using var a = await SandboxServer.StartAsync(new SandboxOptions { Seed = 7, TimeProvider = clock });
        await using var b = await SandboxServer.StartAsync(new SandboxOptions { Seed = 7, TimeProvider = clock });
        await using var c = await SandboxServer.StartAsync(new SandboxOptions { Seed = 8 });

        Assert.Equal(a.Weavy.Record("customer", "C000123"), b.Weavy.Record("customer", "C000123"));
        Assert.NotEqual(a.Weavy.Record("customer", "C000123")!["name"], c.Weavy.Record("customer", "C000123")!["name"]);
        Assert.Equal(5000, a.Weavy.Count("customer"));
        Assert.Equal(300, a.Weavy.Count("product"));
        Assert.Equal(20, a.Weavy.Count("baseuser"));
        Assert.InRange(a.Weavy.Count("customercontact"), 1800, 2200);
        Assert.All(a.Weavy.Records("customercontact"), r => Assert.InRange(string.CompareOrdinal((string)r["customer_ID"]!, "C001000"), int.MinValue, 0));
    }

    [Fact]
    public async Task Seeded_changes_end_at_the_sandbox_start_so_recent_dates_find_rows()
    {
        var start = new DateTimeOffset(2031, 7, 15, 9, 30, 0, TimeSpan.Zero);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions { TimeProvider = new ManualTimeProvider(start) });

        var stamps = server.Weavy.Records("customer").Select(r => (DateTime)r["srvDateUTC"]!).ToList();
        Assert.All(stamps, s => Assert.True(s < start.UtcDateTime, $"{s:o} is after the sandbox started"));
        Assert.True(stamps.Count(s => s > start.UtcDateTime.AddDays(-1)) >= stamps.Count / 20, "too few records changed in the last day");
        Assert.Contains(stamps, s => s < start.UtcDateTime.AddYears(-1));
    }
}
