using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa;

/// <summary>
/// Completes -StatusGuid by the status's name: `-StatusGuid Appr` + Tab inserts the guid of "Approved" (the list
/// shows names). The tenant's statuses are read once per connection (needs settings:read).
/// </summary>
public sealed class SeveraInvoiceStatusCompleter : ServerListCompleter
{
    internal override string SystemName => SeveraApi.SystemName;

    internal override (string Key, Func<ConnectionRuntime, CancellationToken, Task<IReadOnlyList<Choice>>> Read)? Source(string commandName, IDictionary fakeBoundParameters) =>
        (SeveraApi.InvoiceStatuses, ReadAsync);

    private static async Task<IReadOnlyList<Choice>> ReadAsync(ConnectionRuntime runtime, CancellationToken token)
    {
        object? value = await runtime.SendForValueAsync(ApiRequest.Get(SeveraApi.InvoiceStatuses).Set("rowCount", 100), typeName: null, output: null, token).ConfigureAwait(false);
        object?[] statuses = value as object?[] ?? Array.Empty<object?>();
        return statuses.OfType<PSObject>()
            .Select(s => new Choice(Convert.ToString(s.Properties["guid"]?.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Convert.ToString(s.Properties["name"]?.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty))
            .Where(c => c.Value.Length > 0)
            .ToList();
    }
}
