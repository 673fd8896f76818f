namespace ErpConnectors.Sandbox.Qics.Auth;

/// <summary>
/// The account tokens act for. The sandbox has no login form: every authorization is approved for the demo
/// user, who may enter the sandbox tenant only.
/// </summary>
internal sealed record QicsUser(string UserName, IReadOnlyList<int> TenantIds)
{
    public static readonly QicsUser Demo = new("sandbox.user", [SandboxCredentials.QicsTenantId]);
}
