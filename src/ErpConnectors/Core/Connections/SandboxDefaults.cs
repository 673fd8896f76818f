using System;

namespace ErpConnectors.Core.Connections;

/// <summary>
/// Where the bundled sandbox listens and the demo credentials it accepts (public by design: it runs on this
/// machine only). Must match ErpConnectors.Sandbox's SandboxCredentials: the runspace test
/// Sandbox_switch_connects_with_the_demo_client_from_the_environment_uri fails when they drift apart.
/// </summary>
internal static class SandboxDefaults
{
    public const string UriVariable = "ERPCONNECTORS_SANDBOX_URI";
    public const int DefaultPort = 5380;

    public const string SeveraClientId = "sandbox-client";
    public const string SeveraClientSecret = "sandbox-secret";

    public const string JiwaUserName = "api";
    public const string JiwaPassword = "sandbox-password";

    public const string QicsClientId = "sandbox-qics-client";
    public const string QicsClientSecret = "sandbox-qics-secret";
    public const string QicsApiKey = "sandbox-qics-api-key";
    public const int QicsTenantId = 3;

    public const string WeavyProjectCode = "DEMO";
    public const string WeavyUserName = "sandbox-user";
    public const string WeavyPassword = "sandbox-password";
    public const string WeavyCompanyCode = "C01";

    public const string MicrobizzUserName = "sandbox-user";
    public const string MicrobizzPassword = "sandbox-password";

    /// <summary>The sandbox root: $env:ERPCONNECTORS_SANDBOX_URI, or http://127.0.0.1:5380/.</summary>
    public static Uri Root
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable(UriVariable);
            return Uri.TryCreate(configured, UriKind.Absolute, out Uri? uri)
                ? new Uri(uri.AbsoluteUri.TrimEnd('/') + "/")
                : new Uri($"http://127.0.0.1:{DefaultPort}/");
        }
    }
}
