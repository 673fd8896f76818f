using System.Collections;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>One in-process sandbox per Jiwa test class, with the vendor's silent Take cap at 100.</summary>
public sealed class JiwaSandboxFixture : IAsyncLifetime
{
    public const int Debtors = 2500;

    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await SandboxServer.StartAsync(new SandboxOptions { Jiwa = { DebtorCount = Debtors, TakeCap = 100 } });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Reset()
    {
        Server.Jiwa.Faults.Reset();
        Server.Jiwa.TakeCap = 100;
        Server.Jiwa.Options.DebtorSaveRouteTakesQuery = false;
        Server.Requests.ClearWhenAnswered();
    }

    /// <summary>Variables for scripts: $uri, $cred, $key, $revoked, $sandbox.</summary>
    public IDictionary Variables(string password = SandboxCredentials.JiwaPassword) => new Hashtable
    {
        ["uri"] = Server.JiwaBaseUri,
        ["cred"] = SeveraSandboxFixture.Credential(SandboxCredentials.JiwaUserName, password),
        ["key"] = SeveraSandboxFixture.Credential("key", SandboxCredentials.JiwaApiKey).Password,
        ["revoked"] = SeveraSandboxFixture.Credential("key", SandboxCredentials.JiwaRevokedApiKey).Password,
        ["sandbox"] = Server.Jiwa,
    };

    public IReadOnlyList<LoggedRequest> Calls(string method, string pathContains) =>
        Server.Requests.AnsweredSnapshot()
            .Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public const string Connect = "Connect-Jiwa -BaseUri $uri -Credential $cred";

    public static string Id(PSObject record, string name) => (string)record.Properties[name].Value;
}
