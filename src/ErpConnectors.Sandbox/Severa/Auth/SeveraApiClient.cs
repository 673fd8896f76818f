namespace ErpConnectors.Sandbox.Severa.Auth;

/// <summary>Client credentials as an administrator created them in Severa, with the scopes allowed to them.</summary>
internal sealed record SeveraApiClient(string ClientId, string ClientSecret, IReadOnlyList<string> AllowedScopes)
{
    public static IReadOnlyList<SeveraApiClient> Defaults { get; } =
    [
        new(SandboxCredentials.SeveraClientId, SandboxCredentials.SeveraClientSecret, SeveraScopes.All),
        new(SandboxCredentials.SeveraReadOnlyClientId, SandboxCredentials.SeveraReadOnlyClientSecret, [SeveraScopes.CustomersRead]),
    ];
}
