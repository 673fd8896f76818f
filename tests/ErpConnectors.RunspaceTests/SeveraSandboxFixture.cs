using System.Collections;
using System.Management.Automation;
using System.Security;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>One in-process sandbox per test class (classes run in parallel; faults and logs stay apart).</summary>
public sealed class SeveraSandboxFixture : IAsyncLifetime
{
    public const int Customers = 2500;

    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await SandboxServer.StartAsync(new SandboxOptions { Severa = { CustomerCount = Customers } });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>Resets faults and the request log: each test starts from a quiet sandbox.</summary>
    public void Reset()
    {
        Server.Severa.Faults.Reset();
        Server.Requests.ClearWhenAnswered();
    }

    public static PSCredential Credential(string clientId = SandboxCredentials.SeveraClientId, string secret = SandboxCredentials.SeveraClientSecret)
    {
        var secure = new SecureString();
        foreach (char c in secret)
        {
            secure.AppendChar(c);
        }

        return new PSCredential(clientId, secure);
    }

    /// <summary>Variables for scripts: $uri, $cred, $sandbox.</summary>
    public IDictionary Variables(PSCredential? credential = null) => new Hashtable
    {
        ["uri"] = Server.SeveraBaseUri,
        ["cred"] = credential ?? Credential(),
        ["sandbox"] = Server.Severa,
    };

    /// <summary>
    /// The calls to a route, leaving out the sandbox's own quota refusals (a 429 the test did not inject): on a
    /// loaded machine a request can reach the server late enough to look like a burst, and the module then simply
    /// sends it again. Injected faults are kept.
    /// </summary>
    public IReadOnlyList<LoggedRequest> Calls(string method, string pathContains) =>
        Server.Requests.AnsweredSnapshot()
            .Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase))
            .Where(r => r.StatusCode != 429 || r.FaultInjected)
            .ToList();

    public const string Connect = "Connect-Severa -BaseUri $uri -Credential $cred -Scope customers:read, projects:read, invoices:read, invoices:write, hours:read, hours:write, hours:delete, users:read, settings:read";
}

/// <summary>
/// The test classes that set the process-wide ERPCONNECTORS_SANDBOX_URI (for -Sandbox and the README scripts) run
/// one after another, never beside each other, so each script reaches its own class's sandbox.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SandboxEnvironmentVariable
{
    public const string Name = "ERPCONNECTORS_SANDBOX_URI";
}
