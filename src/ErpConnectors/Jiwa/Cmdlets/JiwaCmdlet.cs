using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>A cmdlet that talks to Jiwa through -Connection or the runspace's default Jiwa connection.</summary>
public abstract class JiwaCmdlet : ConnectedCmdlet<JiwaConnection>
{
    protected override string SystemName => JiwaApi.SystemName;

    /// <summary>Serializes a body built from user input; a value JSON cannot carry becomes an InvalidArgument error.</summary>
    internal byte[]? Serialize(object body, object? target)
    {
        try
        {
            return Core.Json.JsonBody.Serialize(body);
        }
        catch (System.ArgumentException ex)
        {
            WriteError(Core.Errors.ErrorMapper.InvalidArgument("Jiwa.InvalidBody", $"The request body cannot be sent as JSON: {ex.Message}", target));
            return null;
        }
    }

    /// <summary>Sends one request; emits the answer (typed <paramref name="typeName"/>) when asked to.</summary>
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

/// <summary>
/// A Jiwa Get cmdlet: records by id (GET /{Resource}/{id}, optionally stateful), or the resource's AutoQuery list
/// streamed across every page with -Filter, -OrderBy, -Descending, -PageSize and -First/-Skip.
/// </summary>
public abstract class JiwaListCmdlet : JiwaCmdlet
{
    /// <summary>AutoQuery field filters: @{ NameStartsWith = 'A'; AccountOnHold = $false }.</summary>
    [Parameter(ParameterSetName = "List")]
    public Hashtable? Filter { get; set; }

    /// <summary>Fields to sort by, in order.</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(JiwaFieldCompleter))]
    public string[]? OrderBy { get; set; }

    /// <summary>Sorts by -OrderBy descending.</summary>
    [Parameter(ParameterSetName = "List")]
    public SwitchParameter Descending { get; set; }

    /// <summary>Rows asked for per request (Take). The server may cap it silently; paging follows its Total.</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateRange(1, JiwaApi.MaxPageSize)]
    public int PageSize { get; set; } = JiwaApi.DefaultPageSize;

    internal abstract JiwaResource Resource { get; }

    /// <summary>The AutoQuery filter a -ChangedSince adds, if the cmdlet has one.</summary>
    internal virtual DictionaryEntry? ChangeFilter() => null;

    /// <summary>Streams the AutoQuery list with the bound filters plus <paramref name="extra"/> (e.g. DebtorID).</summary>
    internal void StreamList(IDictionary? extra = null)
    {
        var request = ApiRequest.Get(Resource.List);
        if (Descending && OrderBy is null)
        {
            ThrowTerminatingError(Core.Errors.ErrorMapper.InvalidArgument("Jiwa.DescendingWithoutOrderBy", "-Descending sorts by -OrderBy: name the fields to sort by.", Descending));
        }

        if (ChangeFilter() is { } changed)
        {
            var merged = new Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in extra ?? new Hashtable())
            {
                merged[entry.Key] = entry.Value;
            }

            merged[changed.Key] = changed.Value;
            extra = merged;
        }

        if (extra is not null && Filter is not null)
        {
            foreach (object key in extra.Keys)
            {
                if (Filter.Keys.Cast<object>().Any(k => string.Equals(k?.ToString(), key.ToString(), StringComparison.OrdinalIgnoreCase)))
                {
                    ThrowTerminatingError(Core.Errors.ErrorMapper.InvalidArgument("Jiwa.FilterTwice", $"'{key}' is given both as a parameter and in -Filter: give it once.", key));
                }
            }
        }

        // A bad filter key spoils the whole list: nothing is sent.
        if ((JiwaQuery.AddFilter(request, Filter) ?? JiwaQuery.AddFilter(request, extra)) is { } invalid)
        {
            ThrowTerminatingError(invalid);
        }

        JiwaQuery.AddOrder(request, OrderBy, Descending);
        ListCmdletSupport.StreamIdLists(this, Runtime, request, JiwaApi.AutoQueryPaging(), Resource.TypeName, $"Reading Jiwa {Resource.Noun}s", PageSize, Resource.Key, JiwaApi.ResultsProperty, Resource.ListAliases.Count == 0 ? null : AddAliases, isCommaList: JiwaQuery.IsInList);
    }

    // Runs as each row streams (the pager's per-row hook); keeps every row.
    private bool AddAliases(object? row)
    {
        if (row is PSObject record)
        {
            foreach (var (listName, recordName) in Resource.ListAliases)
            {
                if (record.Properties[recordName] is null && record.Properties[listName] is { } source)
                {
                    record.Properties.Add(new PSNoteProperty(recordName, source.Value));
                }
            }
        }

        return true;
    }

    /// <summary>Reads records by id; a missing one is a non-terminating ObjectNotFound naming it.</summary>
    internal void GetById(string[] ids, bool stateful) =>
        ListCmdletSupport.GetEach(this, Runtime, ids, id => JiwaApi.MarkStateful(ApiRequest.Get(Resource.One(id)), stateful), Resource.TypeName);
}

/// <summary>
/// A list whose rows carry LastSavedDateTime (debtors, inventory, sales orders and quotes; the transaction list has
/// no such column): -ChangedSince reads only the rows saved at or after a moment, the feed a sync runs on.
/// </summary>
public abstract class JiwaChangeListCmdlet : JiwaListCmdlet
{
    /// <summary>Only rows saved at or after this moment: LastSavedDateTimeGreaterThanOrEqualTo (inclusive, chosen, like Severa's changedSince).</summary>
    [Parameter(ParameterSetName = "List")]
    public DateTime? ChangedSince { get; set; }

    internal override DictionaryEntry? ChangeFilter() =>
        ChangedSince is { } since ? new DictionaryEntry(JiwaApi.ChangedSinceFilter, JiwaQuery.Format(since)) : null;
}
