using System;
using System.Collections.Specialized;
using System.Management.Automation;

namespace ErpConnectors.Sandbox;

/// <summary>
/// Queues a one-shot fault in a running sandbox: the next matching request (after -Skip of them) is answered with
/// -StatusCode in the vendor's own error shape. -AfterHandling lets the request change the data first and loses
/// the answer: the write reached the server, the runbook cannot know.
/// </summary>
[Cmdlet(VerbsCommon.Add, "ErpSandboxFault", SupportsShouldProcess = true, DefaultParameterSetName = "Sandbox")]
[OutputType(typeof(ErpSandboxSystem))]
public sealed class AddErpSandboxFaultCommand : SandboxCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateSet("Severa", "Jiwa", "Qics", "Weavy", "Microbizz")]
    public string System { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateRange(100, 599)]
    public int StatusCode { get; set; }

    /// <summary>Only requests with this HTTP method.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Method { get; set; }

    /// <summary>Only requests whose path contains this text (case-insensitive); sign-in routes only when named here.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? PathContains { get; set; }

    /// <summary>Matching requests to let through first.</summary>
    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int Skip { get; set; }

    [Parameter]
    public SwitchParameter AfterHandling { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        Uri root = TargetRoot();
        var fault = new OrderedDictionary
        {
            ["statusCode"] = StatusCode,
            ["method"] = Method,
            ["pathContains"] = PathContains,
            ["skipMatches"] = Skip,
            ["afterHandling"] = AfterHandling.IsPresent,
        };
        if (!ShouldProcess($"{System} in the sandbox at {root}", $"Add a one-shot {StatusCode} fault"))
        {
            return;
        }

        ErpSandboxSystem? result = Call(token => SandboxControlClient.AddFaultAsync(root, System, fault, token), fault);
        if (PassThru && result is not null)
        {
            WriteObject(result);
        }
    }
}
