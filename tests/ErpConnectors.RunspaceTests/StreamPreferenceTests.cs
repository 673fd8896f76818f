namespace ErpConnectors.RunspaceTests;

/// <summary>
/// -Debug alone in a host that cannot prompt (pwsh -NonInteractive, runbooks): PowerShell makes each verbose line
/// a prompt there, so the module writes only the streams that were asked for.
/// </summary>
public class StreamPreferenceTests : IClassFixture<SeveraSandboxFixture>
{
    private readonly SeveraSandboxFixture _sandbox;

    public StreamPreferenceTests(SeveraSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Theory]
    [InlineData("")]
    [InlineData("$VerbosePreference = 'Continue'\n")]
    public void Debug_without_verbose_never_prompts_in_a_non_interactive_host(string preference)
    {
        var host = new NonInteractiveHost();
        using var session = new PowerShellSession(host);
        var result = session.Run(
            preference + SeveraSandboxFixture.Connect + " -Debug\n" +
            "Get-SeveraCustomer -First 3 -Debug\n" +
            "Disconnect-Severa -Debug",
            _sandbox.Variables());

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Output.Count);
        Assert.Empty(result.Verbose);
        Assert.Contains(result.Debug, d => d.Contains("/customers?rowCount=3 -> 200 in ", StringComparison.Ordinal));
    }

    [Fact]
    public void Verbose_and_debug_together_still_write_both()
    {
        using var session = new PowerShellSession(new NonInteractiveHost());
        var result = session.Run(SeveraSandboxFixture.Connect + " -Debug -Verbose; Get-SeveraCustomer -First 2 -Debug -Verbose", _sandbox.Variables());

        Assert.Null(result.Terminating);
        Assert.Equal(2, result.Output.Count);
        Assert.Contains(result.Verbose, v => v.Contains("/customers?rowCount=2 -> 200", StringComparison.Ordinal));
        Assert.Contains(result.Verbose, v => v.StartsWith("Connected", StringComparison.Ordinal) || v.Contains("Severa", StringComparison.Ordinal));
        Assert.NotEmpty(result.Debug);
    }
}
