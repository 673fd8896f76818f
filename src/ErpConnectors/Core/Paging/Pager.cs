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

        while (true)
        {
            using HttpResponseMessage response = await runtime.SendAsync(request, output, cancellationToken).ConfigureAwait(false);
            using JsonElementStream elements = await ConnectionRuntime.OpenElementsAsync(response, query.ArrayProperty, query.TypeName).ConfigureAwait(false);
            int count = 0;
            while (true)
            {
                var (found, value) = await elements.ReadNextAsync(cancellationToken).ConfigureAwait(false);
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

                await output.WriteObjectAsync(value, cancellationToken).ConfigureAwait(false);
                if (++emitted >= wanted)
                {
                    Complete(output, query, activityId);
                    return emitted; // disposing the response here stops the transfer
                }
            }

            pages++;
            output.Progress(new ProgressRecord(activityId, query.Activity, $"{emitted} records, page {pages}"));
            if (!strategy.Next(request, new PageResult(response, elements, count, pageSize)))
            {
                Complete(output, query, activityId);
                return emitted;
            }
        }
    }

    private static void Complete(ICallOutput output, PageQuery query, int activityId) =>
        output.Progress(new ProgressRecord(activityId, query.Activity, "Done") { RecordType = ProgressRecordType.Completed });
}
