using System.Management.Automation;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// A cmdlet that talks to one system: takes -Connection, or uses the runspace's default connection for that
/// system. "Not connected" is a terminating error, since nothing the cmdlet could do would work.
/// </summary>
public abstract class ConnectedCmdlet<TConnection> : ConnectedCmdletBase
    where TConnection : ErpConnection
{
    private ConnectionRuntime? _runtime;

    /// <summary>The connection to use; defaults to the last one made in this runspace.</summary>
    [Parameter]
    public TConnection? Connection { get; set; }

    protected abstract string SystemName { get; }

    internal TConnection ResolvedConnection => Connection ?? ConnectionRegistry.GetDefault<TConnection>(SystemName) ?? ThrowNotConnected();

    internal override ConnectionRuntime Runtime
    {
        get
        {
            if (_runtime is not null)
            {
                return _runtime;
            }

            TConnection connection = ResolvedConnection;
            if (!connection.IsConnected || connection.Runtime is not ConnectionRuntime runtime)
            {
                Fail(ApiException.Disconnected(SystemName));
                throw new PipelineStoppedException(); // not reached: Fail throws for terminating errors
            }

            return _runtime = runtime;
        }
    }

    private TConnection ThrowNotConnected()
    {
        Fail(ApiException.NotConnected(SystemName));
        throw new PipelineStoppedException(); // not reached
    }
}

/// <summary>The system-independent face of <see cref="ConnectedCmdlet{TConnection}"/>, for shared helpers.</summary>
public abstract class ConnectedCmdletBase : ErpCmdlet
{
    internal abstract ConnectionRuntime Runtime { get; }
}
