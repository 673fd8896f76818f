using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// Runs async work for a cmdlet and writes what it produces on the pipeline thread (cmdlets cannot await, and
/// Write* must not be called from other threads). Objects are bounded by <c>capacity</c>: the work reads ahead
/// at most that many records. When the pipeline stops (Ctrl+C, Select-Object -First) the work is cancelled.
/// Not disposable on purpose: cancelled work may still post for a moment after the pump has returned.
/// </summary>
internal sealed class PipelineBridge : ICallOutput
{
    private enum Kind { Object, Objects, Verbose, Debug, Warning, Progress, Error, Done }

    private readonly record struct Item(Kind Kind, object? Payload);

    private readonly BlockingCollection<Item> _queue = new(new ConcurrentQueue<Item>());
    private readonly SemaphoreSlim _objectSlots;
    private readonly object _writtenGate = new();
    private readonly System.Collections.Generic.List<(long Count, TaskCompletionSource<bool> Done)> _writtenWaiters = new();
    private long _written;
    private int _waiterCount;

    public PipelineBridge(int capacity, bool verbose, bool debug, bool progress)
    {
        _objectSlots = new SemaphoreSlim(Math.Max(1, capacity));
        VerboseEnabled = verbose;
        DebugEnabled = debug;
        ProgressEnabled = progress;
    }

    public bool VerboseEnabled { get; }

    public bool DebugEnabled { get; }

    public bool ProgressEnabled { get; }

    /// <summary>Applied to each object on the pipeline thread, just before it is written (e.g. its display columns).</summary>
    public Func<object?, object?>? Shape { get; set; }

    public void Verbose(string message)
    {
        // Never write a stream nobody asked for: with -Debug alone the engine would prompt for each verbose line.
        if (VerboseEnabled)
        {
            Post(Kind.Verbose, message);
        }
    }

    public void Debug(string message) => Post(Kind.Debug, message);

    public void Warning(string message) => Post(Kind.Warning, message);

    public void Progress(ProgressRecord record)
    {
        if (ProgressEnabled)
        {
            Post(Kind.Progress, record);
        }
    }

    public void Error(ErrorRecord record) => Post(Kind.Error, record);

    public async ValueTask WriteObjectAsync(object? value, CancellationToken cancellationToken)
    {
        await _objectSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
        Post(Kind.Object, value);
    }

    public async ValueTask WriteObjectsAsync(object?[] values, int count, CancellationToken cancellationToken)
    {
        // One slot per object, as for single objects. When the buffer is full, what already has its slots goes out
        // first: the pipeline may be waiting for exactly those (a batch can be larger than the whole buffer).
        int start = 0;
        for (int i = 0; i < count; i++)
        {
            Task slot = _objectSlots.WaitAsync(cancellationToken);
            if (!slot.IsCompleted)
            {
                if (i > start)
                {
                    Post(Kind.Objects, new ArraySegment<object?>(values, start, i - start));
                    start = i;
                }

                // The pipeline thread is behind, building and writing what is queued: rather than wait idle, this
                // thread builds the records it still holds, and the two share the conversion.
                Resolve(values, i, count);
            }

            await slot.ConfigureAwait(false);
        }

        if (count > start)
        {
            Post(Kind.Objects, new ArraySegment<object?>(values, start, count - start));
        }
    }

    public ValueTask WhenWrittenAsync(long count, CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _written) >= count)
        {
            return default;
        }

        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_writtenGate)
        {
            _writtenWaiters.Add((count, done));
            _waiterCount = _writtenWaiters.Count;
        }

        ReleaseWaiters(); // the last write may have come between the check and the adding
        return new ValueTask(WaitAsync(done, cancellationToken));
    }

    private static async Task WaitAsync(TaskCompletionSource<bool> done, CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetCanceled(), done))
        {
            await done.Task.ConfigureAwait(false);
        }
    }

    // On the pipeline thread, after each WriteObject has returned (the consumer has taken the object).
    private void Written()
    {
        Interlocked.Increment(ref _written);
        if (Volatile.Read(ref _waiterCount) > 0)
        {
            ReleaseWaiters();
        }
    }

    private void ReleaseWaiters()
    {
        lock (_writtenGate)
        {
            long written = Interlocked.Read(ref _written);
            for (int i = _writtenWaiters.Count - 1; i >= 0; i--)
            {
                if (_writtenWaiters[i].Count <= written)
                {
                    _writtenWaiters[i].Done.TrySetResult(true);
                    _writtenWaiters.RemoveAt(i);
                }
            }

            _waiterCount = _writtenWaiters.Count;
        }
    }

    private static void Resolve(object?[] values, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (values[i] is IDeferredValue deferred)
            {
                try
                {
                    values[i] = deferred.Resolve();
                }
                catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
                {
                    return; // left as it is: the pipeline thread meets the failure in its place, after the rows before it
                }
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool and pumps its output until it ends.</summary>
    public T Run<T>(Cmdlet cmdlet, Func<ICallOutput, CancellationToken, Task<T>> work, CancellationToken stopping)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Task<T> task = Task.Run(() => work(this, cancel.Token), cancel.Token);
        _ = task.ContinueWith(_ => Post(Kind.Done, null), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            Pump(cmdlet, stopping);
        }
        catch
        {
            // The pipeline stopped or a Write* failed: stop the work, but do not wait on it (it may be mid-request).
            cancel.Cancel();
            _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            throw;
        }

        return task.GetAwaiter().GetResult();
    }

    private void Pump(Cmdlet cmdlet, CancellationToken stopping)
    {
        while (true)
        {
            Item item;
            try
            {
                item = _queue.Take(stopping);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }

            switch (item.Kind)
            {
                case Kind.Done:
                    return;
                case Kind.Object:
                    _objectSlots.Release();
                    cmdlet.WriteObject(Shaped(Built(item.Payload)));
                    Written();
                    break;
                case Kind.Objects:
                    var objects = (ArraySegment<object?>)item.Payload!;
                    _objectSlots.Release(objects.Count);
                    for (int i = 0; i < objects.Count; i++)
                    {
                        cmdlet.WriteObject(Shaped(Built(objects.Array![objects.Offset + i])));
                        Written();
                    }

                    break;
                case Kind.Verbose:
                    cmdlet.WriteVerbose((string)item.Payload!);
                    break;
                case Kind.Debug:
                    cmdlet.WriteDebug((string)item.Payload!);
                    break;
                case Kind.Warning:
                    cmdlet.WriteWarning((string)item.Payload!);
                    break;
                case Kind.Progress:
                    cmdlet.WriteProgress((ProgressRecord)item.Payload!);
                    break;
                case Kind.Error:
                    cmdlet.WriteError((ErrorRecord)item.Payload!);
                    break;
            }
        }
    }

    private object? Shaped(object? value) => Shape is { } shape ? shape(value) : value;

    private static object? Built(object? value) => value is IDeferredValue deferred ? deferred.Resolve() : value;

    private void Post(Kind kind, object? payload) => _queue.Add(new Item(kind, payload));
}
