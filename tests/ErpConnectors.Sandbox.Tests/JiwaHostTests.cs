using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Tests;

public sealed class JiwaHostTests
{
    [Fact]
    public async Task The_server_exposes_the_Jiwa_base_and_prints_its_credentials()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());

        Assert.Equal($"{server.RootUri}jiwa", server.JiwaBaseUri.ToString());
        using var http = new HttpClient();
        var index = await http.GetStringAsync(server.RootUri);
        Assert.Contains(server.JiwaBaseUri.ToString(), index, StringComparison.Ordinal);
        Assert.Contains(SandboxCredentials.JiwaPassword, index, StringComparison.Ordinal);
        Assert.Contains(SandboxCredentials.JiwaApiKey, index, StringComparison.Ordinal);
        // The banner is the same both ways, but for the Qics refresh token it issues afresh each time it is shown.
        Assert.Equal(WithoutRefreshTokens(index), WithoutRefreshTokens(server.Describe()));
    }

    private static string WithoutRefreshTokens(string banner) =>
        System.Text.RegularExpressions.Regex.Replace(banner, "refresh_token [0-9a-f]+", "refresh_token …");

    [Fact]
    public void The_command_line_reads_the_Jiwa_options_and_applies_faults_to_Jiwa()
    {
        var parsed = CommandLine.Parse(["--jiwa-debtors", "120", "--jiwa-take-cap=50", "--jiwa-session-minutes", "5"], portVariable: null);

        Assert.Equal(120, parsed.Options.Jiwa.DebtorCount);
        Assert.Equal(50, parsed.Options.Jiwa.TakeCap);
        Assert.Equal(TimeSpan.FromMinutes(5), parsed.Options.Jiwa.SessionLifetime);
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--jiwa-take-cap", "0"], null));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--jiwa-debtors", "-1"], null));
        Assert.Contains("--jiwa-session-minutes", CommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyFaults_reaches_Jiwa()
    {
        var parsed = CommandLine.Parse(["--latency", "10", "--rate429", "0.25", "--rate5xx", "0.5"], null);
        parsed.Options.Port = 0;
        await using var server = await SandboxServer.StartAsync(parsed.Options);

        parsed.ApplyFaults(server);

        var faults = server.Jiwa.Faults;
        Assert.Equal((TimeSpan.FromMilliseconds(10), 0.25, 0.5), (faults.Latency, faults.TooManyRequestsRate, faults.ServerErrorRate));
    }

    [Theory]
    [InlineData(-1, 300, 20, 100)]
    [InlineData(100, 0, 20, 100)]
    [InlineData(100, 300, 0, 100)]
    [InlineData(100, 300, 20, 0)]
    public async Task Invalid_Jiwa_options_are_refused_before_binding(int debtors, int inventory, int sessionMinutes, int takeCap)
    {
        var options = new SandboxOptions();
        options.Jiwa.DebtorCount = debtors;
        options.Jiwa.InventoryCount = inventory;
        options.Jiwa.SessionLifetime = TimeSpan.FromMinutes(sessionMinutes);
        options.Jiwa.TakeCap = takeCap;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SandboxServer.StartAsync(options));
    }
}
