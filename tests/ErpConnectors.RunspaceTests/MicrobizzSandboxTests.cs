using System.Collections;
using System.Diagnostics;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>One in-process sandbox with a million tasks (generated, not stored) for the Microbizz tests.</summary>
public sealed class MicrobizzSandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await SandboxServer.StartAsync(new SandboxOptions { Microbizz = { TaskCount = 1_000_000 } });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public IDictionary Variables() => new Hashtable
    {
        ["uri"] = Server.MicrobizzBaseUri,
        ["cred"] = SeveraSandboxFixture.Credential(SandboxCredentials.MicrobizzUserName, SandboxCredentials.MicrobizzPassword),
        ["sandbox"] = Server.Microbizz,
    };

    public const string Connect = "Connect-Microbizz -Credential $cred -BaseUri $uri";
}

public class MicrobizzSandboxTests : IClassFixture<MicrobizzSandboxFixture>
{
    private readonly MicrobizzSandboxFixture _sandbox;

    public MicrobizzSandboxTests(MicrobizzSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Server.Microbizz.Faults.Reset();
    }

    [Fact]
    public void First_5_of_a_million_returns_at_once_and_the_token_never_goes_in_a_url()
    {
        using var session = new PowerShellSession();
        session.RunOk(MicrobizzSandboxFixture.Connect, _sandbox.Variables());

        var clock = Stopwatch.StartNew();
        var tasks = session.RunOk("Get-MicrobizzObject task -First 5");
        clock.Stop();

        Assert.Equal(5, tasks.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}"); // the whole list would take far longer
        Assert.Equal(0, _sandbox.Server.Microbizz.TokensInQuery);
        Assert.True(_sandbox.Server.Microbizz.TokensInCookie > 0);
        Assert.All(tasks, t => Assert.Equal("ErpConnectors.Microbizz.task", t.TypeNames[0]));
    }

    [Fact]
    public void A_token_expiring_mid_list_logs_in_again_and_every_object_comes_once()
    {
        using var session = new PowerShellSession();
        session.RunOk(MicrobizzSandboxFixture.Connect, _sandbox.Variables());
        int logins = _sandbox.Server.Microbizz.LoginRequests;
        _sandbox.Server.Microbizz.ExpireTokenAfter(1); // the next request (the company list) passes, the one after dies

        var result = session.RunOk("@(Get-MicrobizzObject company).Count; @(Get-MicrobizzObject company).Count");

        Assert.Equal(result[0].BaseObject, result[1].BaseObject);
        Assert.True((int)result[0].BaseObject > 0);
        Assert.Equal(logins + 1, _sandbox.Server.Microbizz.LoginRequests);
    }

    [Fact]
    public void Objects_are_created_changed_partially_and_deleted()
    {
        using var session = new PowerShellSession();
        var result = session.RunOk(MicrobizzSandboxFixture.Connect + @"
            $n = New-MicrobizzObject notification @{ text = 'First'; is_read = $false } -Confirm:$false
            $n | Set-MicrobizzObject notification -Property @{ is_read = $true } -PassThru -Confirm:$false | ForEach-Object { $_.is_read; $_.text }
            $n | Remove-MicrobizzObject notification -Confirm:$false
            @(Get-MicrobizzObject notification -Id $n.notification_id -ErrorAction SilentlyContinue).Count", _sandbox.Variables());

        Assert.Equal(true, result[0].BaseObject);
        Assert.Equal("First", result[1].BaseObject); // omitted fields kept
        Assert.Equal(0, result[2].BaseObject);
    }
}
