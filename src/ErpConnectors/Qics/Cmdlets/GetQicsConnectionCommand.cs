using System.Management.Automation;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>
/// Shows the runspace's default QicsMilestones connection: host, client id, tenant, token expiry and how often the
/// tokens rotated. The tokens themselves only as the SecureString RefreshToken, for storing.
/// </summary>
[Cmdlet(VerbsCommon.Get, "QicsConnection")]
[OutputType(typeof(QicsConnection))]
public sealed class GetQicsConnectionCommand : Core.Cmdlets.ErpCmdlet
{
    protected override void ProcessRecord()
    {
        if (ConnectionRegistry.GetDefault<QicsConnection>(QicsApi.SystemName) is { } connection)
        {
            WriteObject(connection);
        }
    }
}
