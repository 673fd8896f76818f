using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// What background work (HTTP calls, pagers) may send to the cmdlet that started it. Every method may be called
/// from any thread; the cmdlet writes everything on its pipeline thread, in order.
/// </summary>
internal interface ICallOutput
{
    bool VerboseEnabled { get; }

    bool DebugEnabled { get; }

    bool ProgressEnabled { get; }

    void Verbose(string message);

    void Debug(string message);

    void Warning(string message);

    void Progress(ProgressRecord record);

    /// <summary>A non-terminating error for one item; the work goes on.</summary>
    void Error(ErrorRecord record);

    /// <summary>Emits a pipeline object. Waits while the consumer is a full buffer behind, so memory stays flat.</summary>
    ValueTask WriteObjectAsync(object? value, CancellationToken cancellationToken);

    /// <summary>
    /// Emits objects in order, handed over together: a pager passes the rows it parsed from one buffer in one
    /// call, so the pipeline thread wakes once for them instead of once a row. The array is the output's to keep.
    /// </summary>
    ValueTask WriteObjectsAsync(object?[] values, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Completes once the pipeline has written at least <paramref name="count"/> of the objects emitted through this
    /// output: a pager waits on it before it asks for a page further ahead, which bounds its read-ahead by design.
    /// </summary>
    ValueTask WhenWrittenAsync(long count, CancellationToken cancellationToken);
}
