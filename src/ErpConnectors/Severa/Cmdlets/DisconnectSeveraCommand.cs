using System.Management.Automation;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Closes a Severa connection (the default one unless -Connection is given) and forgets its tokens.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Severa")]
[OutputType(typeof(void))]
public sealed class DisconnectSeveraCommand : SeveraCmdlet
{
    protected override void ProcessRecord()
    {
        SeveraConnection connection = ResolvedConnection;
        ConnectionRegistry.Close(connection);
        WriteVerbose($"Disconnected from Severa at {connection.BaseUri}.");
    }
}
