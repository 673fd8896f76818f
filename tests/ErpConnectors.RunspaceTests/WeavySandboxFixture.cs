using System.Collections;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>One in-process sandbox per Weavy test class: 5,000 customers.</summary>
public sealed class WeavySandboxFixture : IAsyncLifetime
{
    public const int Customers = 5000;

    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await SandboxServer.StartAsync(new SandboxOptions { Weavy = { CustomerCount = Customers } });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Reset()
    {
        Server.Weavy.Faults.Reset();
        Server.Requests.ClearWhenAnswered();
    }

    /// <summary>Variables for scripts: $uri, $cred, $sandbox.</summary>
    public IDictionary Variables(string password = SandboxCredentials.WeavyPassword) => new Hashtable
    {
        ["uri"] = Server.WeavyBaseUri,
        ["cred"] = SeveraSandboxFixture.Credential(SandboxCredentials.WeavyUserName, password),
        ["sandbox"] = Server.Weavy,
    };

    public IReadOnlyList<LoggedRequest> Calls(string method, string pathContains) =>
        Server.Requests.AnsweredSnapshot().Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase)).ToList();

    public const string Connect = "Connect-Weavy -ProjectCode DEMO -Credential $cred -BaseUri $uri -CompanyCode C01";
}
