using System;
using System.Management.Automation;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Paging;

/// <summary>
/// Streams a paged list to the pipeline. Records are parsed straight off the response stream and handed to the
/// bridge, whose bounded buffer lets this loop run about one page ahead of the pipeline: the next request is in
/// flight while the current page is consumed. -First is honoured on the wire (the first page is no larger than
/// what is wanted) and nothing more is fetched once enough rows have gone out or the pipeline has stopped.
/// </summary>
internal static class Pager
{
    private static int s_activityIds;

    public static async Task<long> StreamAsync(ConnectionRuntime runtime, ApiRequest request, PagingStrategy strategy, PageQuery query, ICallOutput output, CancellationToken cancellationToken)
    {
        long wanted = query.First ?? long.MaxValue;
        bool serverSkips = strategy.SupportsServerSkip && query.Keep is null;
        long toSkip = serverSkips ? 0 : query.Skip;
        long emitted = 0;
        int pages = 0;
        int activityId = Interlocked.Increment(ref s_activityIds);

        // The size stays the same on every page: some cursors are bound to every query parameter, rowCount included.
        // A client-side filter may drop rows, so only an unfiltered list can ask for exactly what is wanted.
        int pageSize = query.Keep is not null
            ? query.PageSize
            : (int)Math.Max(1, Math.Min(query.PageSize, wanted == long.MaxValue ? query.PageSize : wanted + toSkip));
        strategy.First(request, pageSize, serverSkips ? query.Skip : 0);

        // The next page is requested as soon as the current answer's headers say where it is (token paging), so
        // the server prepares it while this page is converted and consumed. Cancelled when the list ends early.
        using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rows = new RowBatch();
        Func<long?, object>? totalCount = query.TotalCount;
        Task<HttpResponseMessage>? pending = runtime.SendAsync(request, output, prefetch.Token);
        try
        {
            while (true)
            {
                using HttpResponseMessage response = await pending.ConfigureAwait(false);
                pending = null;
                bool? more = strategy.NextFromHeaders(request, response);
                if (more == true && (query.First is null || emitted + pageSize < wanted))
                {
                    pending = runtime.SendAsync(request, output, prefetch.Token);
                }

                using JsonElementStream elements = await ConnectionRuntime.OpenElementsAsync(response, query.ArrayProperty, query.TypeName).ConfigureAwait(false);
                elements.DeferRecords = query.Keep is null; // a client-side filter needs the record itself
                int count = 0;
                try
                {
                    while (true)
                    {
                        // Rows parsed from what is already buffered go out together; before waiting for the network,
                        // what is held goes out, so a row never waits for the next one to arrive.
                        ValueTask<(bool Found, object? Value)> next = elements.ReadNextAsync(cancellationToken);
                        if (!next.IsCompleted)
                        {
                            await rows.FlushAsync(output, cancellationToken).ConfigureAwait(false);
                        }

                        var (found, value) = await next.ConfigureAwait(false);
                        if (!found)
                        {
                            break;
                        }

                        count++;
                        if (query.Keep is { } keep && !keep(value))
                        {
                            continue;
                        }

                        if (toSkip > 0)
                        {
                            toSkip--;
                            continue;
                        }

                        if (totalCount is not null)
                        {
                            // Before the first record, as -IncludeTotalCount promises; AutoQuery sends Total before Results.
                            await output.WriteObjectAsync(totalCount(TotalOf(strategy, elements, query)), cancellationToken).ConfigureAwait(false);
                            totalCount = null;
                        }

                        await rows.AddAsync(output, value, cancellationToken).ConfigureAwait(false);
                        if (++emitted >= wanted)
                        {
                            await rows.FlushAsync(output, cancellationToken).ConfigureAwait(false);
                            Complete(output, query, activityId);
                            return emitted; // disposing the response here stops the transfer
                        }
                    }
                }
                catch (Exception) when (rows.Count > 0 && !cancellationToken.IsCancellationRequested)
                {
                    // A bad row or answer ends the list with an error; the rows before it still go out first.
                    await rows.FlushAsync(output, cancellationToken).ConfigureAwait(false);
                    throw;
                }

                await rows.FlushAsync(output, cancellationToken).ConfigureAwait(false);
                if (totalCount is not null)
                {
                    // A first page without records (an empty list, or all skipped or filtered away).
                    await output.WriteObjectAsync(totalCount(TotalOf(strategy, elements, query)), cancellationToken).ConfigureAwait(false);
                    totalCount = null;
                }

                pages++;
                output.Progress(new ProgressRecord(activityId, query.Activity, $"{emitted} records, page {pages}"));
                if (more is null)
                {
                    if (strategy.Next(request, new PageResult(response, elements, count, pageSize)))
                    {
                        pending = runtime.SendAsync(request, output, prefetch.Token);
                    }
                }
                else if (more == true && pending is null && count > 0)
                {
                    pending = runtime.SendAsync(request, output, prefetch.Token); // held back for -First; still wanted
                }

                if (pending is null || count == 0)
                {
                    Complete(output, query, activityId);
                    return emitted;
                }
            }
        }
        finally
        {
            if (pending is not null)
            {
                prefetch.Cancel();
                _ = pending.ContinueWith(static t => { if (t.Status == TaskStatus.RanToCompletion) { t.Result.Dispose(); } else { _ = t.Exception; } }, TaskScheduler.Default);
            }
        }
    }

    // A client-side filter keeps fewer records than the server's total: then the total is not known.
    private static long? TotalOf(PagingStrategy strategy, JsonElementStream elements, PageQuery query) =>
        query.Keep is null ? strategy.TotalOf(elements) : null;

    private static void Complete(ICallOutput output, PageQuery query, int activityId) =>
        output.Progress(new ProgressRecord(activityId, query.Activity, "Done") { RecordType = ProgressRecordType.Completed });
}
