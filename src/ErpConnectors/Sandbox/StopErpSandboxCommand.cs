using System.Collections.Generic;
using System.Management.Automation;

namespace ErpConnectors.Sandbox;

/// <summary>
/// Stops sandboxes Start-ErpSandbox started: the ones given, else every one this session started. ConfirmImpact
/// is Medium, not High like other Stop cmdlets: it ends a throwaway local process whose data is generated again
/// at the next start, and a test's AfterAll must not stop at a prompt.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "ErpSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class StopErpSandboxCommand : PSCmdlet
{
    private readonly List<ErpSandbox> _given = new();

    /// <summary>The sandboxes to stop (from Start-ErpSandbox). By default, every one this session started.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public ErpSandbox[]? Sandbox { get; set; }

    protected override void ProcessRecord()
    {
        if (Sandbox is not null)
        {
            _given.AddRange(Sandbox);
        }
    }

    protected override void EndProcessing()
    {
        IReadOnlyList<ErpSandbox> targets = MyInvocation.BoundParameters.ContainsKey(nameof(Sandbox)) ? _given : SandboxSessions.StartedInThisSession();
        foreach (ErpSandbox sandbox in targets)
        {
            if (ShouldProcess($"{sandbox.RootUri} (process {sandbox.ProcessId})", "Stop the sandbox"))
            {
                SandboxSessions.Stop(sandbox);
                WriteVerbose($"Stopped the sandbox at {sandbox.RootUri}.");
            }
        }
    }
}
