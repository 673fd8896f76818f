using System;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

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

    // The sandbox Start-ErpSandbox started in a session (runspace): that session's -Sandbox goes there first.
    private static readonly ConditionalWeakTable<Runspace, StrongBox<Uri?>> SessionRoots = new();

    /// <summary>
    /// The sandbox root: the one Start-ErpSandbox started in this session, else $env:ERPCONNECTORS_SANDBOX_URI,
    /// else http://127.0.0.1:5380/.
    /// </summary>
    public static Uri Root
    {
        get
        {
            if (Runspace.DefaultRunspace is { } runspace && SessionRoots.TryGetValue(runspace, out StrongBox<Uri?>? session) && session.Value is { } started)
            {
                return started;
            }

            string? configured = Environment.GetEnvironmentVariable(UriVariable);
            return Uri.TryCreate(configured, UriKind.Absolute, out Uri? uri)
                ? new Uri(uri.AbsoluteUri.TrimEnd('/') + "/")
                : new Uri($"http://127.0.0.1:{DefaultPort}/");
        }
    }

    /// <summary>Sets (null: clears) this session's sandbox root; Start-ErpSandbox and Stop-ErpSandbox call it.</summary>
    public static void SetSessionRoot(Uri? root)
    {
        if (Runspace.DefaultRunspace is { } runspace)
        {
            SessionRoots.GetValue(runspace, _ => new StrongBox<Uri?>()).Value = root;
        }
    }
}
