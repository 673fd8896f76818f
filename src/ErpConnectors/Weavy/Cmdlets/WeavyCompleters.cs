using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>Completes -Entity from the connection's dictionary (read once, kept per connection).</summary>
public sealed class WeavyEntityCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (ConnectionRegistry.GetDefault<WeavyConnection>(WeavyApi.SystemName) is not { Runtime: ConnectionRuntime runtime } connection)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        IEnumerable<string> names = WeavyDictionary.KnownEntities(runtime).ToList();
        if (!names.Any())
        {
            // First completion on this connection: read the entity list once (bounded wait, completion must stay quick).
            var load = WeavyDictionary.EntitiesAsync(runtime, connection.ProjectCode, null, default);
            names = load.Wait(TimeSpan.FromSeconds(5)) ? WeavyDictionary.KnownEntities(runtime).ToList() : Enumerable.Empty<string>();
        }

        return Complete(names, wordToComplete);
    }

    internal static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string wordToComplete)
    {
        string word = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return values.Where(v => v.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v));
    }
}

/// <summary>Completes field names (-Property, -SortBy) once -Entity is bound.</summary>
public sealed class WeavyFieldCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters["Entity"] is not { } bound || ConnectionRegistry.GetDefault<WeavyConnection>(WeavyApi.SystemName) is not { Runtime: ConnectionRuntime runtime } connection)
        {
            return Enumerable.Empty<CompletionResult>();
        }

        string entity = bound.ToString() ?? string.Empty;
        IEnumerable<string>? fields = WeavyDictionary.KnownFields(runtime, entity);
        if (fields is null)
        {
            var load = WeavyDictionary.EntityAsync(runtime, connection.ProjectCode, entity, null, default);
            fields = load.Wait(TimeSpan.FromSeconds(5)) ? WeavyDictionary.KnownFields(runtime, entity) : null;
        }

        return WeavyEntityCompleter.Complete(fields ?? Enumerable.Empty<string>(), wordToComplete);
    }
}
