using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>Completes -Type from the object table.</summary>
public sealed class MicrobizzTypeCompleter : ListCompleter
{
    protected override System.Collections.Generic.IEnumerable<string> Values => MicrobizzApi.Objects.Select(o => o.Name);
}

/// <summary>A cmdlet that talks to Microbizz GO through -Connection or the runspace's default Microbizz connection.</summary>
public abstract class MicrobizzCmdlet : ConnectedCmdlet<MicrobizzConnection>
{
    protected override string SystemName => MicrobizzApi.SystemName;

    /// <summary>
    /// Refuses, before anything is sent, a method the object table does not allow for a known object (naming the
    /// allowed ones); the server's 405 says the same for objects the table does not know.
    /// </summary>
    internal void CheckMethod(string type, HttpMethod method)
    {
        if (type.Length == 0 || type.Any(c => !char.IsLetterOrDigit(c) && c != '_'))
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Microbizz.InvalidType", $"'{type}' is not an object name (letters and digits, such as task or company).", type));
        }

        if (MicrobizzApi.Find(type) is { } known && !known.Allows(method))
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Microbizz.MethodNotAllowed", $"Microbizz does not allow {method.Method} on {known.Name}. Allowed: {string.Join(", ", known.Methods)}.", type));
        }
    }

    internal static string Canonical(string type) => MicrobizzApi.Find(type)?.Name ?? type;

    /// <summary>The ids of piped values (plain ids, or records by their key field); a record without one is an error for it.</summary>
    internal string[] Ids(PSObject[] items, string type)
    {
        var ids = new System.Collections.Generic.List<string>();
        foreach (PSObject item in items)
        {
            if (MicrobizzApi.IdOf(item, type) is { Length: > 0 } id)
            {
                ids.Add(id);
            }
            else
            {
                WriteError(ErrorMapper.InvalidArgument("Microbizz.RecordWithoutId", $"This {type} record has no {MicrobizzApi.Find(type)?.Key ?? "Id"} to name it.", item));
            }
        }

        return ids.ToArray();
    }

    /// <summary>Query parameters named like the fields; values culture-invariant.</summary>
    internal static ApiRequest AddFilter(ApiRequest request, IDictionary? filter)
    {
        if (filter is not null)
        {
            foreach (DictionaryEntry entry in filter)
            {
                object? value = entry.Value is PSObject p ? p.BaseObject : entry.Value;
                request.Add(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, value is bool b ? (b ? "1" : "0") : value);
            }
        }

        return request;
    }

    /// <summary>Sends one request; emits the answer when asked to.</summary>
    internal void Send(ApiRequest request, string typeName, object target, bool emit)
    {
        var runtime = Runtime; // resolved here: the default connection belongs to this (pipeline) thread's runspace
        Run(async (output, token) =>
        {
            object? answer = await runtime.SendForValueAsync(request, typeName, output, token).ConfigureAwait(false);
            if (emit)
            {
                await ListCmdletSupport.EmitAsync(output, answer, token).ConfigureAwait(false);
            }
        }, target: target);
    }
}
