using System.Management.Automation;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>
/// Shows the runspace's default Severa connection: where, which client id, the scopes granted and when the token
/// expires. Never the token or the secret. Nothing is returned when not connected.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SeveraConnection")]
[OutputType(typeof(SeveraConnection))]
public sealed class GetSeveraConnectionCommand : Core.Cmdlets.ErpCmdlet
{
    protected override void ProcessRecord()
    {
        if (ConnectionRegistry.GetDefault<SeveraConnection>(SeveraApi.SystemName) is { } connection)
        {
            WriteObject(connection);
        }
    }
}
