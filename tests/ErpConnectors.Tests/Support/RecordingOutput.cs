using System.Collections.Concurrent;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Tests.Support;

/// <summary>An <see cref="ICallOutput"/> that keeps everything it is given, for assertions.</summary>
internal sealed class RecordingOutput : ICallOutput
{
    private readonly ConcurrentQueue<string> _verbose = new();
    private readonly ConcurrentQueue<string> _debug = new();
    private readonly ConcurrentQueue<string> _warnings = new();
    private readonly ConcurrentQueue<ErrorRecord> _errors = new();
    private readonly ConcurrentQueue<ProgressRecord> _progress = new();
    private readonly ConcurrentQueue<object?> _objects = new();

    public RecordingOutput(bool verbose = true, bool debug = false)
    {
        VerboseEnabled = verbose;
        DebugEnabled = debug;
    }

    public bool VerboseEnabled { get; }

    public bool DebugEnabled { get; }

    public bool ProgressEnabled => true;

    public IReadOnlyList<string> VerboseLines => _verbose.ToArray();

    public IReadOnlyList<string> DebugLines => _debug.ToArray();

    public IReadOnlyList<string> Warnings => _warnings.ToArray();

    public IReadOnlyList<ErrorRecord> Errors => _errors.ToArray();

    public IReadOnlyList<ProgressRecord> ProgressRecords => _progress.ToArray();

    public IReadOnlyList<object?> Objects => _objects.ToArray();

    /// <summary>Called after each object is written (lets a test observe when rows reach the pipeline).</summary>
    public Action<object?>? OnObject { get; set; }

    public void Verbose(string message) => _verbose.Enqueue(message);

    public void Debug(string message) => _debug.Enqueue(message);

    public void Warning(string message) => _warnings.Enqueue(message);

    public void Progress(ProgressRecord record) => _progress.Enqueue(record);

    public void Error(ErrorRecord record) => _errors.Enqueue(record);

    public ValueTask WriteObjectAsync(object? value, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        value = value is IDeferredValue deferred ? deferred.Resolve() : value; // what the pipeline thread would write
        _objects.Enqueue(value);
        OnObject?.Invoke(value);
        return default;
    }

    public async ValueTask WriteObjectsAsync(object?[] values, int count, CancellationToken cancellationToken)
    {
        for (int i = 0; i < count; i++)
        {
            await WriteObjectAsync(values[i], cancellationToken);
        }
    }

    /// <summary>Everything is written the moment it is emitted.</summary>
    public ValueTask WhenWrittenAsync(long count, CancellationToken cancellationToken) => default;
}
