using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics;

/// <summary>
/// Completes -Property and -OrderBy with the fields of the bound -Entity (one record read with $top=1, once per
/// connection). Entities read by key only cannot be sampled that way and get no completion.
/// </summary>
public sealed class QicsFieldCompleter : ServerListCompleter
{
    internal override string SystemName => QicsApi.SystemName;

    internal override (string Key, Func<ConnectionRuntime, CancellationToken, Task<IReadOnlyList<Choice>>> Read)? Source(string commandName, IDictionary fakeBoundParameters)
    {
        object? bound = fakeBoundParameters["Entity"];
        string? entity = (bound is PSObject wrapped ? wrapped.BaseObject : bound)?.ToString();
        if (string.IsNullOrWhiteSpace(entity))
        {
            return null;
        }

        string name = QicsApi.Canonical(entity!);
        return (name, (runtime, token) => FieldsOfFirstAsync(runtime, ApiRequest.Get(QicsApi.Collection(name)).Set("$top", 1), QicsApi.ValueProperty, token));
    }
}
