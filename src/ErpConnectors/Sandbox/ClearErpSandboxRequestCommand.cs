using System;
using System.Management.Automation;

namespace ErpConnectors.Sandbox;

/// <summary>Empties a running sandbox's request log, so a test's Get-ErpSandboxRequest sees only what came after.</summary>
[Cmdlet(VerbsCommon.Clear, "ErpSandboxRequest", SupportsShouldProcess = true, DefaultParameterSetName = "Sandbox")]
[OutputType(typeof(void))]
public sealed class ClearErpSandboxRequestCommand : SandboxCmdlet
{
    protected override void ProcessRecord()
    {
        Uri root = TargetRoot();
        if (ShouldProcess($"the request log of the sandbox at {root}", "Clear"))
        {
            Call<object>(async token =>
            {
                await SandboxControlClient.ClearRequestsAsync(root, token).ConfigureAwait(false);
                return root;
            }, root);
        }
    }
}
