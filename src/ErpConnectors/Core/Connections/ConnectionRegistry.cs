using System;
using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace ErpConnectors.Core.Connections;

/// <summary>
/// The default connection per system, kept per runspace (not per process): runbooks and ForEach-Object
/// -Parallel run many runspaces in one process, and each must keep its own default. Entries die with their
/// runspace.
/// </summary>
internal static class ConnectionRegistry
{
    private static readonly ConditionalWeakTable<Runspace, ConcurrentDictionary<string, ErpConnection>> PerRunspace = new();
    private static readonly ConcurrentDictionary<string, ErpConnection> NoRunspace = new(StringComparer.OrdinalIgnoreCase);

    private static ConcurrentDictionary<string, ErpConnection> Current =>
        Runspace.DefaultRunspace is { } runspace
            ? PerRunspace.GetValue(runspace, _ => new ConcurrentDictionary<string, ErpConnection>(StringComparer.OrdinalIgnoreCase))
            : NoRunspace;

    public static void SetDefault(ErpConnection connection) => Current[connection.SystemName] = connection;

    public static TConnection? GetDefault<TConnection>(string systemName)
        where TConnection : ErpConnection =>
        Current.TryGetValue(systemName, out var connection) ? connection as TConnection : null;

    /// <summary>
    /// What every Disconnect-* does: the connection stops being the default, forgets its tokens, releases its
    /// sockets and says it is closed.
    /// </summary>
    public static void Close(ErpConnection connection)
    {
        Remove(connection);
        if (connection.Runtime is ConnectionRuntime runtime)
        {
            runtime.Tokens.Forget();
            runtime.Dispose();
        }

        connection.MarkDisconnected();
        connection.ExpiresOn = null;
    }

    /// <summary>Forgets the default if it is <paramref name="connection"/> (Disconnect).</summary>
    public static void Remove(ErpConnection connection)
    {
        var defaults = Current;
        if (defaults.TryGetValue(connection.SystemName, out var current) && ReferenceEquals(current, connection))
        {
            defaults.TryRemove(connection.SystemName, out _);
        }
    }
}
