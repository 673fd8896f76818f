namespace ErpConnectors.Sandbox.Jiwa.Auth;

internal enum ApiKeyState
{
    Unknown,
    Valid,
    Revoked,
}

/// <summary>
/// The staff API keys the sandbox knows: one enabled and one revoked (not Enabled), both belonging to the
/// demo user. An API key has no session: each request carries it.
/// </summary>
internal static class ApiKeys
{
    public static ApiKeyState Check(string key) => key switch
    {
        SandboxCredentials.JiwaApiKey => ApiKeyState.Valid,
        SandboxCredentials.JiwaRevokedApiKey => ApiKeyState.Revoked,
        _ => ApiKeyState.Unknown,
    };
}
