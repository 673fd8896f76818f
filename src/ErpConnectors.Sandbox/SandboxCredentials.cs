namespace ErpConnectors.Sandbox;

/// <summary>
/// The demo credentials the sandbox accepts. Public by design: the sandbox listens on this machine only and
/// prints them at start. The module's -Sandbox switch uses the same values (ErpConnectors' SandboxDefaults).
/// </summary>
public static class SandboxCredentials
{
    /// <summary>The variable the module's -Sandbox switch reads the sandbox root from (e.g. http://127.0.0.1:5390/).</summary>
    public const string ModuleUriVariable = "ERPCONNECTORS_SANDBOX_URI";

    /// <summary>The port the module's -Sandbox switch uses when that variable is not set; the executable's default port.</summary>
    public const int ModuleDefaultPort = 5380;

    public const string SeveraClientId = "sandbox-client";
    public const string SeveraClientSecret = "sandbox-secret";

    /// <summary>A client allowed nothing but customers:read, to exercise the scope errors.</summary>
    public const string SeveraReadOnlyClientId = "sandbox-readonly";
    public const string SeveraReadOnlyClientSecret = "sandbox-readonly-secret";

    public const string JiwaUserName = "api";
    public const string JiwaPassword = "sandbox-password";

    /// <summary>A staff API key: "Authorization: Bearer sandbox-jiwa-api-key", no sign-in.</summary>
    public const string JiwaApiKey = "sandbox-jiwa-api-key";

    /// <summary>An API key that was revoked: every request with it is 401 "The API key is expired or revoked".</summary>
    public const string JiwaRevokedApiKey = "sandbox-jiwa-revoked-key";

    public const string QicsClientId = "sandbox-qics-client";
    public const string QicsClientSecret = "sandbox-qics-secret";

    /// <summary>The api-key header every Qics API call sends.</summary>
    public const string QicsApiKey = "sandbox-qics-api-key";

    /// <summary>The tenant-id header: the one tenant the Qics demo user may enter.</summary>
    public const int QicsTenantId = 3;

    /// <summary>The one Weavy project the sandbox hosts; another projectCode in a route is 403.</summary>
    public const string WeavyProjectCode = "DEMO";

    public const string WeavyUserName = "sandbox-user";
    public const string WeavyPassword = "sandbox-password";

    /// <summary>The demo user's company: the default companyCode, and the only one it may name.</summary>
    public const string WeavyCompanyCode = "C01";

    /// <summary>The Microbizz GO demo user (POST login {"username","password"}).</summary>
    public const string MicrobizzUserName = "sandbox-user";
    public const string MicrobizzPassword = "sandbox-password";
}
