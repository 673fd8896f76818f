using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa;

/// <summary>Completes -OrderBy with the fields of the command's AutoQuery list (one row read, once per connection).</summary>
public sealed class JiwaFieldCompleter : ServerListCompleter
{
    private static readonly Dictionary<string, JiwaResource> ByCommand = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Get-JiwaDebtor"] = JiwaApi.Debtors,
        ["Get-JiwaSalesOrder"] = JiwaApi.SalesOrders,
        ["Get-JiwaSalesQuote"] = JiwaApi.SalesQuotes,
        ["Get-JiwaInventory"] = JiwaApi.Inventory,
        ["Get-JiwaDebtorTransaction"] = JiwaApi.DebtorTransactions,
    };

    internal override string SystemName => JiwaApi.SystemName;

    internal override (string Key, Func<ConnectionRuntime, CancellationToken, Task<IReadOnlyList<Choice>>> Read)? Source(string commandName, IDictionary fakeBoundParameters)
    {
        if (!ByCommand.TryGetValue(commandName, out JiwaResource? resource))
        {
            return null;
        }

        return (resource.List, (runtime, token) => FieldsOfFirstAsync(runtime, ApiRequest.Get(resource.List).Set("Take", 1), JiwaApi.ResultsProperty, token));
    }
}
