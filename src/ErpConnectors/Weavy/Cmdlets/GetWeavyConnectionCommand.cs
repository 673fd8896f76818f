using System.Management.Automation;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>Shows the runspace's default Weavy connection: project, user, region, expiry; never the token or password.</summary>
[Cmdlet(VerbsCommon.Get, "WeavyConnection")]
[OutputType(typeof(WeavyConnection))]
public sealed class GetWeavyConnectionCommand : Core.Cmdlets.ErpCmdlet
{
    protected override void ProcessRecord()
    {
        if (ConnectionRegistry.GetDefault<WeavyConnection>(WeavyApi.SystemName) is { } connection)
        {
            WriteObject(connection);
        }
    }
}
