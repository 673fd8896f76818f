using System.Management.Automation;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Shows the runspace's default Jiwa connection: the server, the user and how it authenticates. Never the
/// password, session id or key. Nothing is returned when not connected.
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiwaConnection")]
[OutputType(typeof(JiwaConnection))]
public sealed class GetJiwaConnectionCommand : Core.Cmdlets.ErpCmdlet
{
    protected override void ProcessRecord()
    {
        if (ConnectionRegistry.GetDefault<JiwaConnection>(JiwaApi.SystemName) is { } connection)
        {
            WriteObject(connection);
        }
    }
}
