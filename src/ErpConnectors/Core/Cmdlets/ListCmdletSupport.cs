using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>What every Get cmdlet does the same way on every system: stream a list, read records by id.</summary>
internal static class ListCmdletSupport
{
    /// <summary>-First/-Skip from SupportsPaging, as the pager wants them.</summary>
    public static (long? First, long Skip) Paging(PSCmdlet cmdlet)
    {
        PagingParameters paging = cmdlet.PagingParameters;
        long? first = paging.First == ulong.MaxValue ? null : (long)Math.Min(paging.First, long.MaxValue);
        return (first, (long)Math.Min(paging.Skip, long.MaxValue));
    }

    /// <summary>Streams a list; honours -First/-Skip/-IncludeTotalCount (the total where the answer gives one, else unknown).</summary>
    public static void Stream(ConnectedCmdletBase cmdlet, ConnectionRuntime runtime, ApiRequest request, PagingStrategy strategy, string typeName, string activity, int pageSize, string? arrayProperty = null, Func<object?, bool>? keep = null) =>
        Stream(cmdlet, runtime, new[] { request }, strategy, typeName, activity, pageSize, arrayProperty, keep);

    /// <summary>
    /// Streams a list filtered by id lists ("any of these numbers"): when the lists make the URL too long for one
    /// request, it is read in several (<see cref="LongListSplitter"/>), one list after another, as one list. A
    /// record two parts both return (a field holding several values) goes out once, told apart by
    /// <paramref name="identity"/>.
    /// </summary>
    public static void StreamIdLists(ConnectedCmdletBase cmdlet, ConnectionRuntime runtime, ApiRequest request, PagingStrategy strategy, string typeName, string activity, int pageSize, string identity, string? arrayProperty = null, Func<object?, bool>? keep = null, Func<string, bool>? isCommaList = null)
    {
        IReadOnlyList<ApiRequest> parts = LongListSplitter.Split(request, runtime.BaseUri, isCommaList);
        if (parts.Count > 1)
        {
            cmdlet.WriteVerbose($"{runtime.SystemName}: the id lists make a URL too long for one request; reading them in {parts.Count} requests.");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            Func<object?, bool>? filter = keep;
            keep = record => (filter is null || filter(record)) && (IdOf(record, identity) is not { } id || seen.Add(id));
        }

        Stream(cmdlet, runtime, parts, strategy, typeName, activity, pageSize, arrayProperty, keep);
    }

    private static string? IdOf(object? record, string identity) =>
        record is PSObject item && item.Properties[identity]?.Value is { } value ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static void Stream(ConnectedCmdletBase cmdlet, ConnectionRuntime runtime, IReadOnlyList<ApiRequest> parts, PagingStrategy strategy, string typeName, string activity, int pageSize, string? arrayProperty, Func<object?, bool>? keep)
    {
        var (first, skip) = Paging(cmdlet);
        PagingParameters paging = cmdlet.PagingParameters;
        if (first == 0)
        {
            if (paging.IncludeTotalCount)
            {
                cmdlet.WriteObject(paging.NewTotalCount(0, 0.0));
            }

            return;
        }

        Func<long?, object>? totalCount = paging.IncludeTotalCount
            ? total => total is long known ? paging.NewTotalCount((ulong)Math.Max(0, known), 1.0) : paging.NewTotalCount(0, 0.0)
            : null;
        var query = new PageQuery(typeName, activity) { PageSize = pageSize, First = first, Skip = skip, ArrayProperty = arrayProperty, Keep = keep, TotalCount = totalCount };
        // Half a page of records waits for the consumer; the pager itself asks for a page only once the pipeline has
        // written the one two before it, so a pipeline that stops early leaves at most the next page requested.
        cmdlet.Run((output, token) => Pager.StreamAsync(runtime, parts, strategy, query, output, token), readAhead: Math.Max(1, pageSize / 2));
    }

    /// <summary>
    /// Reads records one by one. A missing record is a non-terminating ObjectNotFound naming the id; the others
    /// are still read.
    /// </summary>
    public static void GetEach<TId>(ConnectedCmdletBase cmdlet, ConnectionRuntime runtime, IEnumerable<TId> ids, Func<TId, ApiRequest> request, string typeName)
        where TId : notnull
    {
        foreach (TId id in ids)
        {
            cmdlet.Run(async (output, token) =>
            {
                try
                {
                    object? value = await runtime.SendForValueAsync(request(id), typeName, output, token).ConfigureAwait(false);
                    if (value is null)
                    {
                        output.Error(NotFound(runtime.SystemName, typeName, id));
                    }
                    else
                    {
                        await EmitAsync(output, value, token).ConfigureAwait(false);
                    }
                }
                catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
                {
                    ex.Target = id;
                    output.Error(ErrorMapper.ToErrorRecord(ex, id));
                }
            }, target: id);
        }
    }

    /// <summary>Emits a value, enumerating an array answer record by record.</summary>
    public static async Task EmitAsync(ICallOutput output, object? value, CancellationToken token)
    {
        if (value is object?[] items)
        {
            await output.WriteObjectsAsync(items, items.Length, token).ConfigureAwait(false);
        }
        else if (value is not null)
        {
            await output.WriteObjectAsync(value, token).ConfigureAwait(false);
        }
    }

    private static ErrorRecord NotFound(string systemName, string typeName, object id)
    {
        string specific = typeName.Split(';')[0]; // "ErpConnectors.Qics.Customer;ErpConnectors.Qics.Record": the kind is the first
        string kind = specific.Substring(specific.LastIndexOf('.') + 1);
        var exception = new ApiException(systemName, $"{systemName}: no {kind} with id '{id}'.", ErrorCategory.ObjectNotFound, $"{systemName}.NotFound") { StatusCode = HttpStatusCode.NotFound };
        return ErrorMapper.ToErrorRecord(exception, id);
    }
}
