using System;
using System.Management.Automation;

namespace ErpConnectors.Sandbox;

/// <summary>
/// What reached a running sandbox, oldest first: method, path, query, status, time and body of each request, with
/// passwords, secrets and tokens masked. A test asserts with it what a runbook sent.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ErpSandboxRequest", DefaultParameterSetName = "Sandbox")]
[OutputType(typeof(ErpSandboxRequest))]
public sealed class GetErpSandboxRequestCommand : SandboxCmdlet
{
    /// <summary>Only this system's requests.</summary>
    [Parameter(Position = 0)]
    [ValidateSet("Severa", "Jiwa", "Qics", "Weavy", "Microbizz")]
    public string? System { get; set; }

    /// <summary>Only requests with this HTTP method (GET, POST, ...).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Method { get; set; }

    /// <summary>Only requests whose path matches this wildcard pattern, e.g. '*/customers*'.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? Path { get; set; }

    protected override void ProcessRecord()
    {
        Uri root = TargetRoot();
        var requests = Call(token => SandboxControlClient.RequestsAsync(root, System, token), root);
        if (requests is null)
        {
            return;
        }

        WildcardPattern? path = Path is null ? null : new WildcardPattern(Path, WildcardOptions.IgnoreCase);
        foreach (ErpSandboxRequest request in requests)
        {
            if ((Method is null || string.Equals(request.Method, Method, StringComparison.OrdinalIgnoreCase)) && (path is null || path.IsMatch(request.Path)))
            {
                WriteObject(request);
            }
        }
    }
}
