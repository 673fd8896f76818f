using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The start banner (SandboxServer.Describe, also GET /): every system's base URI, credentials, faults and Connect line.</summary>
public sealed class SandboxBannerTests
{
    [Fact]
    public async Task The_banner_gives_each_of_the_five_systems_its_base_uri_credentials_and_Connect_line()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());
        var sections = Sections(server.Describe());

        Assert.Equal(["Severa", "Jiwa", "Qics", "Weavy", "Microbizz"], sections.Keys);
        var expected = new Dictionary<string, string[]>
        {
            ["Severa"] =
            [
                $"Severa     {server.SeveraBaseUri}", "POST token", $"client_id {SandboxCredentials.SeveraClientId}, secret {SandboxCredentials.SeveraClientSecret}",
                $"client_id {SandboxCredentials.SeveraReadOnlyClientId}, secret {SandboxCredentials.SeveraReadOnlyClientSecret}",
                "access tokens live 3600 s, refresh tokens 86400 s",
            ],
            ["Jiwa"] =
            [
                $"Jiwa       {server.JiwaBaseUri}", $"\"UserName\":\"{SandboxCredentials.JiwaUserName}\",\"Password\":\"{SandboxCredentials.JiwaPassword}\"",
                $"Authorization: Bearer {SandboxCredentials.JiwaApiKey}", "sessions expire 20 min",
            ],
            ["Qics"] =
            [
                $"Qics       {server.QicsBaseUri}", $"client_id {SandboxCredentials.QicsClientId}, secret {SandboxCredentials.QicsClientSecret}",
                $"api-key {SandboxCredentials.QicsApiKey}", $"tenant-id {SandboxCredentials.QicsTenantId}", "GET oauth2/oauth2/auth?response_type=code",
                "POST oauth2/oauth2/token form grant_type=authorization_code", "refresh_token ", "access tokens live 3600 s",
            ],
            ["Weavy"] =
            [
                $"Weavy      {server.WeavyBaseUri}", $"\"projectCode\":\"{SandboxCredentials.WeavyProjectCode}\",\"userName\":\"{SandboxCredentials.WeavyUserName}\",\"password\":\"{SandboxCredentials.WeavyPassword}\"",
                $"company {SandboxCredentials.WeavyCompanyCode}", "tokens live 3600 s",
            ],
            ["Microbizz"] =
            [
                $"Microbizz  {server.MicrobizzBaseUri}", $"{{\"username\":\"{SandboxCredentials.MicrobizzUserName}\",\"password\":\"{SandboxCredentials.MicrobizzPassword}\"}}",
                "cookie access_token", "tokens never expire by themselves",
            ],
        };
        foreach (var (system, texts) in expected)
        {
            var section = sections[system];
            foreach (var text in texts)
            {
                Assert.True(section.Contains(text, StringComparison.Ordinal), $"{system} section lacks '{text}':\n{section}");
            }

            Assert.Contains($"PowerShell: Connect-{system} -Sandbox (", section, StringComparison.Ordinal);
            Assert.Contains("faults: none", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_banner_shows_each_systems_faults_and_the_microbizz_expiry_rate()
    {
        var parsed = CommandLine.Parse(["--port", "0", "--rate429", "0.05", "--microbizz-latency", "20", "--jiwa-rate5xx", "0.5", "--severa-rate429", "0", "--microbizz-token-expiry-rate", "0.3"], null);
        await using var server = await SandboxServer.StartAsync(parsed.Options);
        parsed.ApplyFaults(server);

        var sections = Sections(server.Describe());

        Assert.Contains("faults: none", sections["Severa"], StringComparison.Ordinal);
        Assert.Contains("faults: 429 rate 0.05, 5xx rate 0.5", sections["Jiwa"], StringComparison.Ordinal);
        Assert.Contains("faults: 429 rate 0.05", sections["Qics"], StringComparison.Ordinal);
        Assert.Contains("faults: 429 rate 0.05", sections["Weavy"], StringComparison.Ordinal);
        Assert.Contains("faults: latency 20 ms, 429 rate 0.05", sections["Microbizz"], StringComparison.Ordinal);
        Assert.Contains("tokens expire at random: probability 0.3 per request", sections["Microbizz"], StringComparison.Ordinal);
        Assert.DoesNotContain("never expire", sections["Microbizz"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_another_port_than_the_modules_default_the_banner_says_how_to_point_Sandbox_at_it()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());
        Assert.NotEqual(SandboxCredentials.ModuleDefaultPort, server.RootUri.Port);

        Assert.Contains($"$env:ERPCONNECTORS_SANDBOX_URI = '{server.RootUri}'", server.Describe(), StringComparison.Ordinal);

        // The index page renders the same banner for the host it was asked under: as if on the default port.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, server.RootUri);
        request.Headers.Host = $"127.0.0.1:{SandboxCredentials.ModuleDefaultPort}";
        using var response = await http.SendAsync(request);
        var index = await response.Content.ReadAsStringAsync();
        Assert.Contains("Microbizz  http://127.0.0.1:5380/microbizz/api.php", index, StringComparison.Ordinal);
        Assert.Contains("Connect-* -Sandbox finds this port by itself", index, StringComparison.Ordinal);
        Assert.DoesNotContain("$env:ERPCONNECTORS_SANDBOX_URI =", index, StringComparison.Ordinal);
    }

    /// <summary>The banner cut into one text per system: from its "  Title  base URI" line to the next.</summary>
    private static Dictionary<string, string> Sections(string banner)
    {
        var sections = new Dictionary<string, string>();
        string? current = null;
        foreach (var line in banner.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Length > 2 && line.StartsWith("  ", StringComparison.Ordinal) && line[2] != ' ')
            {
                current = line.Trim().Split(' ')[0];
                sections[current] = string.Empty;
            }
            else if (!line.StartsWith("  ", StringComparison.Ordinal))
            {
                current = null;
            }

            if (current is not null)
            {
                sections[current] += line + "\n";
            }
        }

        return sections;
    }
}
