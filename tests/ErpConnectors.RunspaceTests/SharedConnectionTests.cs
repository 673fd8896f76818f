using System.Collections;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>A sandbox whose Severa tokens live 3 s, so a paced run outlives several of them.</summary>
public sealed class ShortTokenSandboxFixture : IAsyncLifetime
{
    public const int Customers = 300;

    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await SandboxServer.StartAsync(new SandboxOptions { Severa = { CustomerCount = Customers, AccessTokenLifetime = TimeSpan.FromSeconds(3) } });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// One connection shared by many pipelines at once (ForEach-Object -Parallel with -Connection): pacing comes
/// before authentication, so a token is taken as its request leaves the queue; a refused token is renewed once
/// for all its holders, and each replay carries the token current when it leaves.
/// </summary>
public sealed class SharedConnectionTests : IClassFixture<ShortTokenSandboxFixture>
{
    private readonly ShortTokenSandboxFixture _sandbox;

    public SharedConnectionTests(ShortTokenSandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public void Twenty_paced_pipelines_on_one_Severa_connection_outlive_short_tokens()
    {
        var severa = _sandbox.Server.Severa;
        using var session = new PowerShellSession();
        var variables = new Hashtable { ["uri"] = _sandbox.Server.SeveraBaseUri, ["cred"] = SeveraSandboxFixture.Credential(), ["manifest"] = ModulePaths.Manifest };
        session.RunOk("$c = Connect-Severa -BaseUri $uri -Credential $cred -PassThru", variables);
        int logins = severa.TokenRequests;

        var result = session.Run("""
            1..20 | ForEach-Object -ThrottleLimit 20 -Parallel {
                Import-Module $using:manifest
                @(Invoke-SeveraRequest -Path customers -All -PageSize 50 -Connection $using:c).Count
            }
            """);

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(20, result.Output.Count);
        Assert.All(result.Output, count => Assert.Equal(ShortTokenSandboxFixture.Customers, Convert.ToInt32(count.BaseObject, System.Globalization.CultureInfo.InvariantCulture)));

        // One renewal per expiry: no refresh token was ever sent twice, and nobody had to sign in again.
        var refreshes = _sandbox.Server.Requests.AnsweredSnapshot().Where(r => r.Path.EndsWith("/refreshtoken", StringComparison.Ordinal)).Select(r => r.Body).ToList();
        Assert.NotEmpty(refreshes); // the run outlived at least one token
        Assert.Equal(refreshes.Count, refreshes.Distinct().Count());
        Assert.Equal(logins, severa.TokenRequests);
    }

    [Fact]
    public void Thirty_pipelines_on_one_Microbizz_connection_survive_tokens_that_die_at_random()
    {
        var microbizz = _sandbox.Server.Microbizz;
        using var session = new PowerShellSession();
        var variables = new Hashtable
        {
            ["uri"] = _sandbox.Server.MicrobizzBaseUri,
            ["cred"] = SeveraSandboxFixture.Credential(SandboxCredentials.MicrobizzUserName, SandboxCredentials.MicrobizzPassword),
            ["manifest"] = ModulePaths.Manifest,
        };
        session.RunOk("$c = Connect-Microbizz -Credential $cred -BaseUri $uri -PassThru", variables);
        int logins = microbizz.LoginRequests;
        int expired = microbizz.TokensExpiredAtRandom;
        microbizz.Options.TokenExpiryRate = 0.05;
        try
        {
            var result = session.Run("""
                1..30 | ForEach-Object -ThrottleLimit 30 -Parallel {
                    Import-Module $using:manifest
                    $ids = @(1..30 | Get-MicrobizzObject task -Connection $using:c | ForEach-Object task_id)
                    $listed = @(Get-MicrobizzObject task -First 300 -Connection $using:c)
                    "$($ids.Count)/$($listed.Count)"
                }
                """);

            Assert.Null(result.Terminating);
            Assert.Empty(result.Errors);
            Assert.Equal(Enumerable.Repeat("30/300", 30), result.Output.Select(o => (string)o.BaseObject));
            int expiredNow = microbizz.TokensExpiredAtRandom - expired;
            Assert.True(expiredNow > 0, "no token expired at rate 0.05");
            Assert.InRange(microbizz.LoginRequests - logins, 1, expiredNow); // at most one sign-in per expired token
        }
        finally
        {
            microbizz.Options.TokenExpiryRate = 0;
        }
    }
}
