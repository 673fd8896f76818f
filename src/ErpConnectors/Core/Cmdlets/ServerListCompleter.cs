using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// Completes from a set the server knows (a list's field names, Severa's invoice statuses), read once per
/// connection and kept with it: the first completion waits a few seconds at most, later ones answer from memory.
/// Without a connection, or when the read fails, nothing is offered (completion never shows an error).
/// </summary>
public abstract class ServerListCompleter : IArgumentCompleter
{
    private static readonly TimeSpan FirstReadWait = TimeSpan.FromSeconds(5);
    private static readonly ConditionalWeakTable<ConnectionRuntime, ConcurrentDictionary<string, IReadOnlyList<Choice>>> Known = new();

    internal abstract string SystemName { get; }

    /// <summary>What to complete for this command and its bound parameters: a key naming the set, and how to read it.</summary>
    internal abstract (string Key, Func<ConnectionRuntime, CancellationToken, Task<IReadOnlyList<Choice>>> Read)? Source(string commandName, IDictionary fakeBoundParameters);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (RuntimeOf(fakeBoundParameters) is not { } runtime || Source(commandName, fakeBoundParameters) is not { } source)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        var sets = Known.GetValue(runtime, _ => new ConcurrentDictionary<string, IReadOnlyList<Choice>>(StringComparer.OrdinalIgnoreCase));
        if (!sets.TryGetValue(source.Key, out IReadOnlyList<Choice>? choices))
        {
            using var timeout = new CancellationTokenSource(FirstReadWait);
            try
            {
                Task<IReadOnlyList<Choice>> read = source.Read(runtime, timeout.Token);
                if (!read.Wait(FirstReadWait))
                {
                    return Enumerable.Empty<CompletionResult>();
                }

                choices = sets.GetOrAdd(source.Key, read.Result);
            }
            catch (AggregateException)
            {
                return Enumerable.Empty<CompletionResult>(); // not kept: the next Tab tries again
            }
        }

        string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return choices
            .Where(c => c.Value.StartsWith(word, StringComparison.OrdinalIgnoreCase) || c.Label.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(c => new CompletionResult(c.Value, c.Label, CompletionResultType.ParameterValue, c.Label == c.Value ? c.Value : $"{c.Label} ({c.Value})"));
    }

    /// <summary>The field names of the first record of a list (one record asked for): the set -OrderBy and -Property take.</summary>
    internal static async Task<IReadOnlyList<Choice>> FieldsOfFirstAsync(ConnectionRuntime runtime, ApiRequest request, string? arrayProperty, CancellationToken cancellationToken)
    {
        object? value = await runtime.SendForValueAsync(request, typeName: null, output: null, cancellationToken).ConfigureAwait(false);
        if (arrayProperty is not null && value is PSObject envelope)
        {
            value = envelope.Properties[arrayProperty]?.Value;
        }

        object? first = value is PSObject { BaseObject: object[] items } ? items.FirstOrDefault() : value is object[] bare ? bare.FirstOrDefault() : null;
        return first is PSObject record
            ? record.Properties.Select(p => new Choice(p.Name, p.Name)).ToList()
            : Array.Empty<Choice>();
    }

    private ConnectionRuntime? RuntimeOf(IDictionary fakeBoundParameters)
    {
        object? given = fakeBoundParameters["Connection"];
        ErpConnection? connection = (given is PSObject wrapped ? wrapped.BaseObject : given) as ErpConnection
            ?? ConnectionRegistry.GetDefault<ErpConnection>(SystemName);
        return connection?.Runtime as ConnectionRuntime;
    }

    /// <summary>One completion: the value inserted, and what the list shows (a status's name for its guid).</summary>
    internal readonly record struct Choice(string Value, string Label);
}
