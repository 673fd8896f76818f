using System.Collections;
using System.Security;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>One in-process sandbox per Qics test class: 500 customers, so lists go well past the 50-row default.</summary>
public sealed class QicsSandboxFixture : IAsyncLifetime
{
    public const int Customers = 500;

    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await SandboxServer.StartAsync(new SandboxOptions { Qics = { CustomerCount = Customers } });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Reset()
    {
        Server.Qics.Faults.Reset();
        Server.Qics.UseNextLinks = false;
        Server.Qics.BareArrays = false;
        Server.Qics.Options.EchoState = true;
        Server.Qics.Options.SilentTopCap = 0;
        Server.Requests.ClearWhenAnswered();
    }

    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (char c in text)
        {
            secure.AppendChar(c);
        }

        return secure;
    }

    /// <summary>Variables for scripts: $uri, $clientId, $secret, $key, $tenant, $sandbox, $refresh (a fresh refresh token).</summary>
    public IDictionary Variables() => new Hashtable
    {
        ["uri"] = Server.QicsBaseUri,
        ["clientId"] = SandboxCredentials.QicsClientId,
        ["secret"] = Secure(SandboxCredentials.QicsClientSecret),
        ["key"] = Secure(SandboxCredentials.QicsApiKey),
        ["tenant"] = SandboxCredentials.QicsTenantId,
        ["sandbox"] = Server.Qics,
        ["refresh"] = Secure(Server.Qics.IssueRefreshToken()),
        ["company"] = Server.Qics.CompanyIds[0],
    };

    public IReadOnlyList<LoggedRequest> Calls(string method, string pathContains) =>
        Server.Requests.AnsweredSnapshot().Where(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The runbook way in: a stored refresh token, no browser.</summary>
    public const string ConnectWithRefreshToken = "Connect-Qics -BaseUri $uri -ClientId $clientId -ClientSecret $secret -ApiKey $key -TenantId $tenant -RefreshToken $refresh";
}
