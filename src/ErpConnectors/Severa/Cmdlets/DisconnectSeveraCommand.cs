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
        ConnectionRegistry.Remove(connection);
        if (connection.Runtime is ConnectionRuntime runtime)
        {
            runtime.Tokens.Forget();
            runtime.Dispose();
        }

        connection.MarkDisconnected();
        connection.ExpiresOn = null;
        WriteVerbose($"Disconnected from Severa at {connection.BaseUri}.");
    }
}
