namespace ErpConnectors.RunspaceTests;

/// <summary>
/// The sandbox's Microbizz tokens expiring at random moments (TokenExpiryRate, seeded): the module logs in again
/// and replays once, so every object still comes exactly once.
/// </summary>
public sealed class MicrobizzExpiryTests : IClassFixture<MicrobizzSandboxFixture>, IDisposable
{
    private readonly MicrobizzSandboxFixture _sandbox;

    public MicrobizzExpiryTests(MicrobizzSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Server.Microbizz.Faults.Reset();
    }

    public void Dispose() => _sandbox.Server.Microbizz.Options.TokenExpiryRate = 0;

    [Fact]
    public void Token_expiring_at_random_moments_every_task_once()
    {
        var microbizz = _sandbox.Server.Microbizz;
        using var session = new PowerShellSession();
        session.RunOk(MicrobizzSandboxFixture.Connect, _sandbox.Variables());
        int logins = microbizz.LoginRequests;
        int expired = microbizz.TokensExpiredAtRandom;
        microbizz.Options.TokenExpiryRate = 0.3;

        var byId = session.RunOk("1..120 | Get-MicrobizzObject task | ForEach-Object task_id");
        var listed = session.RunOk("1..5 | ForEach-Object { @(Get-MicrobizzObject task -First 300 | ForEach-Object task_id) -join ',' }");

        Assert.Equal(Enumerable.Range(1, 120).Select(i => (long)i), byId.Select(o => Convert.ToInt64(o.BaseObject, System.Globalization.CultureInfo.InvariantCulture)));
        var firstPage = string.Join(',', Enumerable.Range(1, 300));
        Assert.All(listed, l => Assert.Equal(firstPage, l.BaseObject));
        int expiredNow = microbizz.TokensExpiredAtRandom - expired;
        Assert.True(expiredNow > 0, "no token expired at rate 0.3 over 125 requests");
        Assert.Equal(logins + expiredNow, microbizz.LoginRequests); // one login again per expired token, no more
    }
}
