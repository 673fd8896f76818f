using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>Completes -Type from the object table.</summary>
public sealed class MicrobizzTypeCompleter : ListCompleter
{
    protected override System.Collections.Generic.IEnumerable<string> Values => MicrobizzApi.Objects.Select(o => o.Name);
}

/// <summary>
/// Completes a task's -Status: NEW (the document's status for a task just sent), ACCEPTED, STARTED, DONE, REJECTED
/// (the contract's chosen set). Completion only: other values still go to the server, which decides.
/// </summary>
public sealed class MicrobizzTaskStatusCompleter : ListCompleter
{
    protected override System.Collections.Generic.IEnumerable<string> Values => MicrobizzApi.TaskStatuses;
}

/// <summary>A generic cmdlet that names the object by -Type (any name; the table's names complete).</summary>
public abstract class MicrobizzObjectTypeCmdlet : MicrobizzCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(MicrobizzTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string Type { get; set; } = string.Empty;

    /// <summary>
    /// The type as the table spells it, after refusing, before anything is sent, a method the object table does
    /// not allow for a known object (naming the allowed ones); the server's 405 says the same for objects the
    /// table does not know.
    /// </summary>
    internal string CheckedType(HttpMethod method)
    {
        if (Type.Length == 0 || Type.Any(c => !char.IsLetterOrDigit(c) && c != '_'))
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Microbizz.InvalidType", $"'{Type}' is not an object name (letters and digits, such as task or company).", Type));
        }

        MicrobizzObject? known = MicrobizzApi.Find(Type);
        if (known is not null && !known.Allows(method))
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Microbizz.MethodNotAllowed", $"Microbizz does not allow {method.Method} on {known.Name}. Allowed: {string.Join(", ", known.Methods)}.", Type));
        }

        return known?.Name ?? Type;
    }
}

/// <summary>A cmdlet that talks to Microbizz GO through -Connection or the runspace's default Microbizz connection.</summary>
public abstract class MicrobizzCmdlet : ConnectedCmdlet<MicrobizzConnection>
{
    protected override string SystemName => MicrobizzApi.SystemName;

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
                // Booleans as 1/0 (what a PHP API parses from a query); dates in the API's own "YYYY-MM-DD HH:MM:SS".
                request.Add(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, value is bool b ? (b ? "1" : "0") : MicrobizzTypedCmdlet.WireValue(value));
            }
        }

        return request;
    }

    /// <summary>Reads objects by id, one request each; a missing one is a non-terminating error naming it.</summary>
    internal void ReadById(string type, System.Collections.Generic.IEnumerable<string> ids, bool includeBinaryData, string? typeName = null) =>
        ListCmdletSupport.GetEach(this, Runtime, ids, id => ApiRequest.Get(MicrobizzApi.Route(type, id)).Add(MicrobizzApi.IncludeBinaryData, includeBinaryData ? "1" : null), typeName ?? MicrobizzApi.TypeName(type));

    /// <summary>
    /// Reads a whole list: one unpaged JSON array, streamed element by element (objects reach the pipeline while
    /// the body is still arriving, and -First closes the answer early).
    /// </summary>
    internal void ReadList(string type, IDictionary? filter, bool includeBinaryData)
    {
        var request = AddFilter(ApiRequest.Get(MicrobizzApi.Route(type)), filter).Add(MicrobizzApi.IncludeBinaryData, includeBinaryData ? "1" : null);
        ListCmdletSupport.Stream(this, Runtime, request, new SingleShotPaging(), MicrobizzApi.TypeName(type), $"Reading Microbizz {type}", pageSize: 1000);
    }

    /// <summary>Reads the one object a route without id answers (currentuser, subscriptioninformation...).</summary>
    internal void ReadSingle(string route, string typeName) => Send(ApiRequest.Get(route), typeName, route, emit: true);

    /// <summary>Creates an object (POST {type}); answered 201 with it. A create is never replayed once it may have arrived.</summary>
    internal void Create(string type, object fields, object target)
    {
        if (Body(fields, target) is { } body && ShouldProcess(Describe(type, fields), "Create Microbizz object"))
        {
            Send(new ApiRequest(HttpMethod.Post, MicrobizzApi.Route(type)) { Body = body }, MicrobizzApi.TypeName(type), target, emit: true);
        }
    }

    /// <summary>
    /// Changes only the given fields (POST {type}/{id}: omitted fields are left as they are). The same values sent
    /// twice give the same object, so an update may be retried.
    /// </summary>
    internal void Update(string type, string id, IDictionary fields, bool passThru)
    {
        if (fields.Count == 0)
        {
            WriteError(ErrorMapper.InvalidArgument("Microbizz.NothingToChange", $"Nothing to change on {type} {id}: give at least one field.", id));
            return;
        }

        if (Body(fields, id) is { } body && ShouldProcess($"{type} {id}", "Update Microbizz object"))
        {
            Send(new ApiRequest(HttpMethod.Post, MicrobizzApi.Route(type, id)) { Body = body, Idempotent = true }, MicrobizzApi.TypeName(type), id, emit: passThru);
        }
    }

    /// <summary>Deletes one object (DELETE {type}/{id}); not replayed once sent.</summary>
    internal void Delete(string type, string id)
    {
        if (ShouldProcess($"{type} {id}", "Delete Microbizz object"))
        {
            Send(new ApiRequest(HttpMethod.Delete, MicrobizzApi.Route(type, id)), MicrobizzApi.TypeName(type), id, emit: false);
        }
    }

    /// <summary>What -WhatIf and -Confirm name: the type and its first few scalar fields, so rows of an import are told apart.</summary>
    private static string Describe(string type, object fields)
    {
        var shown = new System.Collections.Generic.List<string>();
        var pairs = new System.Collections.Generic.List<DictionaryEntry>();
        if (fields is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                pairs.Add(entry);
            }
        }
        else
        {
            pairs.AddRange(PSObject.AsPSObject(fields).Properties.Select(p => new DictionaryEntry(p.Name, p.Value)));
        }

        foreach (DictionaryEntry entry in pairs)
        {
            object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            if (value is string or ValueType && shown.Count < 3)
            {
                shown.Add($"{entry.Key}={Convert.ToString(value, CultureInfo.InvariantCulture)}");
            }
        }

        return shown.Count == 0 ? type : $"{type} ({string.Join(", ", shown)})";
    }

    /// <summary>The JSON body, or null after an error naming what cannot be sent.</summary>
    private byte[]? Body(object fields, object target)
    {
        try
        {
            return JsonBody.FromUserInput(fields);
        }
        catch (Exception ex) when (ex is ArgumentException || ex is System.Text.Json.JsonException)
        {
            WriteError(ErrorMapper.InvalidArgument("Microbizz.InvalidBody", $"The fields cannot be sent as JSON: {ex.Message}", target));
            return null;
        }
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
