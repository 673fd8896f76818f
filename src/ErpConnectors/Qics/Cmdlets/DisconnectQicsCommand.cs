using System.Management.Automation;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>
/// Closes a QicsMilestones connection (the default one unless -Connection is given) and forgets its tokens. The
/// API has no revocation route: the refresh token stays valid on the server, so store or discard
/// connection.RefreshToken first as you need.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "Qics")]
[OutputType(typeof(void))]
public sealed class DisconnectQicsCommand : QicsCmdlet
{
    protected override void ProcessRecord()
    {
        QicsConnection connection = ResolvedConnection;
        ConnectionRegistry.Close(connection);
        WriteVerbose($"Disconnected from QicsMilestones at {connection.BaseUri}.");
    }
}
