using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Paging;

/// <summary>
/// Streams a paged list to the pipeline. Records are parsed straight off the response stream and handed to the
/// bridge, so the next request can be in flight while the current page is consumed. -First is honoured on the
/// wire (the first page is no larger than what is wanted) and nothing more is fetched once enough rows have gone
/// out or the pipeline has stopped.
/// <para>
/// Read-ahead is one page, by construction: page k+1 is requested only once the pipeline has written every row of
/// page k-1, so when a consumer stops inside page k, no request beyond page k+1 has been sent, however slow the
/// consumer or fast the server.
/// </para>
/// <para>
/// A page whose body breaks off (a reset, a close, a body that ends inside a value) is a safe read: it is sent
/// again, the rows of it already written are passed over, and the list goes on. Only when it breaks off on every
/// try does the list end, with an error naming the page. A body that is not the JSON the route promises ends the
/// list with an error naming the system, the status, the content type and how the body began.
/// </para>
/// </summary>
internal static class Pager
{
    private static int s_activityIds;

    public static Task<long> StreamAsync(ConnectionRuntime runtime, ApiRequest request, PagingStrategy strategy, PageQuery query, ICallOutput output, CancellationToken cancellationToken) =>
        StreamAsync(runtime, new[] { request }, strategy, query, output, cancellationToken);

    /// <summary>
    /// Streams the lists of several requests one after another as one list (an id list split into parts small
    /// enough for a URL): -First and -Skip count across all of them.
    /// </summary>
    public static async Task<long> StreamAsync(ConnectionRuntime runtime, IReadOnlyList<ApiRequest> parts, PagingStrategy strategy, PageQuery query, ICallOutput output, CancellationToken cancellationToken)
    {
        var run = new Run(runtime, strategy, query, output, parts.Count == 1, Interlocked.Increment(ref s_activityIds));
        foreach (ApiRequest part in parts)
        {
            if (!await run.StreamPartAsync(part, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        run.Complete();
        return run.Emitted;
    }

    /// <summary>One list being streamed: what has gone out and what is still wanted, across its parts.</summary>
    private sealed class Run
    {
        private readonly ConnectionRuntime _runtime;
        private readonly PagingStrategy _strategy;
        private readonly PageQuery _query;
        private readonly ICallOutput _output;
        private readonly int _activityId;
        private readonly bool _serverSkips;
        private readonly long _wanted;
        private readonly RowBatch _rows = new();
        private long _toSkip;
        private readonly bool _onePart;
        private Func<long?, object>? _totalCount;
        private int _pages;

        public Run(ConnectionRuntime runtime, PagingStrategy strategy, PageQuery query, ICallOutput output, bool onePart, int activityId)
        {
            _runtime = runtime;
            _strategy = strategy;
            _query = query;
            _output = output;
            _activityId = activityId;
            _wanted = query.First ?? long.MaxValue;
            // Several parts: how many rows each holds is unknown, so -Skip is counted here rather than by the server.
            _serverSkips = strategy.SupportsServerSkip && query.Keep is null && onePart;
            _toSkip = _serverSkips ? 0 : query.Skip;
            _totalCount = query.TotalCount;
            _onePart = onePart;
        }

        public long Emitted { get; private set; }

        private bool Enough => Emitted >= _wanted;

        public void Complete() =>
            _output.Progress(new ProgressRecord(_activityId, _query.Activity, "Done") { RecordType = ProgressRecordType.Completed });

        /// <returns>False when nothing more is wanted (-First reached).</returns>
        public async Task<bool> StreamPartAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            // The size stays the same on every page: some cursors are bound to every query parameter, rowCount included.
            // A client-side filter may drop rows, so only an unfiltered list can ask for exactly what is wanted.
            long stillWanted = _wanted == long.MaxValue ? long.MaxValue : _wanted - Emitted;
            int pageSize = _query.Keep is not null
                ? _query.PageSize
                : (int)Math.Max(1, Math.Min(_query.PageSize, stillWanted == long.MaxValue ? _query.PageSize : stillWanted + _toSkip));
            _strategy.First(request, pageSize, _serverSkips ? _query.Skip : 0);

            // The next page is requested as soon as the current answer's headers say where it is (token paging), so
            // the server prepares it while this page is converted and consumed. Cancelled when the list ends early.
            using var prefetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ApiRequest pageRequest = request.Snapshot();
            Task<HttpResponseMessage>? pending = _runtime.SendAsync(pageRequest, _output, prefetch.Token);
            ApiRequest? pendingRequest = null;
            try
            {
                while (true)
                {
                    HttpResponseMessage response = await pending.ConfigureAwait(false);
                    pending = null;
                    long before = Emitted; // every row of the pages before this one has been handed to the output
                    try
                    {
                        bool? more = _strategy.NextFromHeaders(request, response);
                        if (more == true && (_query.First is null || Emitted + pageSize < _wanted))
                        {
                            pendingRequest = request.Snapshot();
                            pending = SendAfterAsync(pendingRequest, before, prefetch.Token);
                        }

                        var (count, elements, last) = await ReadPageAsync(pageRequest, response, before, cancellationToken).ConfigureAwait(false);
                        response = last;
                        using (elements)
                        {
                            _pages++;
                            _output.Progress(new ProgressRecord(_activityId, _query.Activity, $"{Emitted} records, page {_pages}"));
                            if (Enough)
                            {
                                return false; // disposing the response here stops the transfer
                            }

                            if (more is null)
                            {
                                if (_strategy.Next(request, new PageResult(response, elements, count, pageSize)))
                                {
                                    pendingRequest = request.Snapshot();
                                    pending = SendAfterAsync(pendingRequest, before, prefetch.Token);
                                }
                            }
                            else if (more == true && pending is null && count > 0)
                            {
                                pendingRequest = request.Snapshot(); // held back for -First; still wanted
                                pending = SendAfterAsync(pendingRequest, before, prefetch.Token);
                            }
                        }
                    }
                    finally
                    {
                        response.Dispose();
                    }

                    if (pending is null)
                    {
                        return true;
                    }

                    pageRequest = pendingRequest!;
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

        private async Task<HttpResponseMessage> SendAfterAsync(ApiRequest request, long written, CancellationToken cancellationToken)
        {
            await _output.WhenWrittenAsync(written, cancellationToken).ConfigureAwait(false);
            return await _runtime.SendAsync(request, _output, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Reads one page to its end (or until -First is reached), reading it again when its body breaks off.
        /// Returns how many elements it held, its element stream (for the envelope) and the answer last read.
        /// </summary>
        private async Task<(int Count, JsonElementStream Elements, HttpResponseMessage Response)> ReadPageAsync(ApiRequest pageRequest, HttpResponseMessage response, long rowsBefore, CancellationToken cancellationToken)
        {
            int count = 0; // elements of this page taken (written, skipped or filtered out), over every attempt
            for (int attempt = 1; ; attempt++)
            {
                JsonElementStream? elements = null;
                try
                {
                    elements = await ConnectionRuntime.OpenElementsAsync(response, _query.ArrayProperty, _query.TypeName).ConfigureAwait(false);
                    elements.DeferRecords = _query.Keep is null; // a client-side filter needs the record itself
                    int index = 0;
                    while (true)
                    {
                        // Rows parsed from what is already buffered go out together; before waiting for the network,
                        // what is held goes out, so a row never waits for the next one to arrive.
                        ValueTask<(bool Found, object? Value)> next = elements.ReadNextAsync(cancellationToken);
                        if (!next.IsCompleted)
                        {
                            await _rows.FlushAsync(_output, cancellationToken).ConfigureAwait(false);
                        }

                        var (found, value) = await next.ConfigureAwait(false);
                        if (!found)
                        {
                            break;
                        }

                        if (index++ < count)
                        {
                            continue; // taken before the page broke off
                        }

                        count++;
                        if (_query.Keep is { } keep && !keep(value))
                        {
                            continue;
                        }

                        if (_toSkip > 0)
                        {
                            _toSkip--;
                            continue;
                        }

                        await WriteTotalCountAsync(elements, cancellationToken).ConfigureAwait(false);
                        await _rows.AddAsync(_output, value, cancellationToken).ConfigureAwait(false);
                        if (++Emitted >= _wanted)
                        {
                            break;
                        }
                    }

                    if (elements.EmptyBody && response.StatusCode != HttpStatusCode.NoContent)
                    {
                        // Every list route answers at least [] (or its envelope): an empty 200 is a body lost on the way.
                        throw ErrorMapper.UnexpectedBody(_runtime.SystemName, pageRequest.Describe(), response.StatusCode, response.Content?.Headers.ContentType?.MediaType, string.Empty, "the body is empty where a list belongs");
                    }

                    await _rows.FlushAsync(_output, cancellationToken).ConfigureAwait(false);
                    await WriteTotalCountAsync(elements, cancellationToken).ConfigureAwait(false); // a first page without records
                    return (count, elements, response);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is IOException || ex is HttpRequestException))
                {
                    elements?.Dispose();
                    response.Dispose();
                    if (!pageRequest.Idempotent || attempt > _runtime.Options.Retry.MaxRetries)
                    {
                        await _rows.FlushAsync(_output, cancellationToken).ConfigureAwait(false);
                        throw ErrorMapper.PageBrokenOff(_runtime.SystemName, pageRequest.Describe(), _pages + 1, rowsBefore, attempt, ex);
                    }

                    _output.Verbose($"{_runtime.SystemName} {pageRequest.Describe()}: page {_pages + 1} broke off after {count} rows ({ex.Message}); reading it again (attempt {attempt + 1})");
                    await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                    try
                    {
                        response = await _runtime.SendAsync(pageRequest, _output, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        await _rows.FlushAsync(_output, cancellationToken).ConfigureAwait(false);
                        throw;
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is System.Text.Json.JsonException || ex is InvalidOperationException || ex is FormatException))
                {
                    string excerpt = elements is null ? string.Empty : await elements.ExcerptAsync(cancellationToken).ConfigureAwait(false);
                    elements?.Dispose();
                    response.Dispose();
                    await _rows.FlushAsync(_output, cancellationToken).ConfigureAwait(false); // the rows before it still go out first
                    throw ErrorMapper.UnexpectedBody(_runtime.SystemName, pageRequest.Describe(), response.StatusCode, response.Content?.Headers.ContentType?.MediaType, excerpt, $"page {_pages + 1}: {ConnectionRuntime.Problem(ex)}", ex);
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    elements?.Dispose();
                    response.Dispose();
                    await _rows.FlushAsync(_output, cancellationToken).ConfigureAwait(false);
                    throw;
                }
            }
        }

        /// <summary>
        /// -IncludeTotalCount: once, before the first record, as it promises (AutoQuery sends Total before Results).
        /// A client-side filter keeps fewer records than the server's total, and an id list read in several parts has
        /// a total per part: then the total is not known.
        /// </summary>
        private async Task WriteTotalCountAsync(JsonElementStream elements, CancellationToken cancellationToken)
        {
            if (_totalCount is { } totalCount)
            {
                _totalCount = null;
                await _output.WriteObjectAsync(totalCount(_query.Keep is null && _onePart ? _strategy.TotalOf(elements) : null), cancellationToken).ConfigureAwait(false);
            }
        }

        // A body that broke off says nothing about the server's load (a 429 or 5xx would): a short pause is enough.
        private TimeSpan Backoff(int attempt)
        {
            var settings = _runtime.Options.Retry;
            double ms = settings.BaseDelay.TotalMilliseconds / 4 * Math.Pow(2, attempt - 1);
            return TimeSpan.FromMilliseconds(Math.Min(ms, settings.MaxDelay.TotalMilliseconds));
        }
    }
}
