using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Tests;

public class PipelineBridgeTests
{
    [Fact]
    public async Task Objects_beyond_the_read_ahead_capacity_wait_for_the_pipeline()
    {
        var bridge = new PipelineBridge(capacity: 2, verbose: true, debug: false, progress: false);

        await bridge.WriteObjectAsync(1, CancellationToken.None);
        await bridge.WriteObjectAsync(2, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        ValueTask third = bridge.WriteObjectAsync(3, cancel.Token);

        Assert.False(third.IsCompleted); // nobody has consumed the first two yet
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await third);
    }

    [Fact]
    public async Task While_the_pipeline_is_behind_the_writer_builds_the_records_it_still_holds()
    {
        var bridge = new PipelineBridge(capacity: 1, verbose: false, debug: false, progress: false);
        var first = new Deferred("a");
        var second = new Deferred("b");
        var bad = new Deferred(null);
        var fourth = new Deferred("d");
        object?[] batch = [first, second, bad, fourth];

        using var cancel = new CancellationTokenSource();
        ValueTask writing = bridge.WriteObjectsAsync(batch, batch.Length, cancel.Token);

        Assert.False(writing.IsCompleted); // one slot: the first row went out, the rest wait for the pipeline
        Assert.Equal(0, first.Resolved); // handed over as it was: the pipeline thread builds it
        Assert.Equal("b", batch[1]); // built while waiting
        Assert.Same(bad, batch[2]); // its failure is left for the pipeline thread, in order
        Assert.Same(fourth, batch[3]); // nothing after a failure is built ahead of it
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await writing);
    }

    private sealed class Deferred(string? value) : IDeferredValue
    {
        public int Resolved { get; private set; }

        public object? Resolve()
        {
            Resolved++;
            return value ?? throw new System.Text.Json.JsonException("bad record");
        }
    }

    [Fact]
    public void Preferences_are_reported_as_given()
    {
        var bridge = new PipelineBridge(capacity: 1, verbose: false, debug: true, progress: false);
        Assert.False(bridge.VerboseEnabled);
        Assert.True(bridge.DebugEnabled);
        Assert.False(bridge.ProgressEnabled);
        bridge.Progress(new ProgressRecord(1, "a", "b")); // dropped without a UI; must not throw
    }
}
