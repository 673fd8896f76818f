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
    public void Preferences_are_reported_as_given()
    {
        var bridge = new PipelineBridge(capacity: 1, verbose: false, debug: true, progress: false);
        Assert.False(bridge.VerboseEnabled);
        Assert.True(bridge.DebugEnabled);
        Assert.False(bridge.ProgressEnabled);
        bridge.Progress(new ProgressRecord(1, "a", "b")); // dropped without a UI; must not throw
    }
}
