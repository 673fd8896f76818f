using System.Management.Automation;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>Closes a Weavy connection (the default one unless -Connection is given) and forgets its token.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Weavy")]
[OutputType(typeof(void))]
public sealed class DisconnectWeavyCommand : WeavyCmdlet
{
    protected override void ProcessRecord()
    {
        WeavyConnection connection = ResolvedConnection;
        ConnectionRegistry.Close(connection);
        WriteVerbose($"Disconnected from Weavy project {connection.ProjectCode}.");
    }
}
