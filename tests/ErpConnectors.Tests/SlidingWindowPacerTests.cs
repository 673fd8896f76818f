using System.Diagnostics;
using ErpConnectors.Core.Http;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

/// <summary>
/// The pacer stamps each start inside WaitAsync, between the caller's "before" and "after" timestamps. So if six
/// starts can never fit in one window, the first caller's "before" and the sixth's "after" are at least a window
/// apart: the assertions below are exact consequences of the rule, with no tolerance needed and nothing that a
/// slow machine can break (slowness only makes the gaps larger).
/// </summary>
public class SlidingWindowPacerTests
{
    private const int Permits = 5;
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(200);

    private static void AssertNoMoreThanPermitsPerWindow(IReadOnlyList<(long Before, long After)> calls)
    {
        // For any Permits+1 calls, the window rule puts their starts at least a window apart, so the latest "after"
        // of the group is at least a window past its earliest "before". Check every group the cheap way: for each
        // call taken as the group's last to finish, pair it with the Permits calls that finished no later and
        // started latest (the tightest possible group).
        for (int last = 0; last < calls.Count; last++)
        {
            var others = calls.Where((c, i) => i != last && c.After <= calls[last].After).OrderByDescending(c => c.Before).Take(Permits).ToArray();
            if (others.Length < Permits)
            {
                continue;
            }

            long earliestBefore = Math.Min(calls[last].Before, others.Min(c => c.Before));
            double spanMs = TestRuntime.Ms(earliestBefore, calls[last].After);
            Assert.True(spanMs >= Window.TotalMilliseconds, $"{Permits + 1} starts fitted in {spanMs:0.0} ms, less than one window");
        }
    }

    [Fact]
    public async Task Sequential_callers_never_get_more_than_the_permits_in_a_window()
    {
        var pacer = new SlidingWindowPacer(Permits, Window);
        var calls = new List<(long Before, long After)>();
        long begin = Stopwatch.GetTimestamp();

        for (int i = 0; i < 15; i++)
        {
            long before = Stopwatch.GetTimestamp();
            await pacer.WaitAsync(CancellationToken.None);
            calls.Add((before, Stopwatch.GetTimestamp()));
        }

        AssertNoMoreThanPermitsPerWindow(calls);
        for (int i = Permits; i < calls.Count; i++)
        {
            Assert.True(TestRuntime.Ms(calls[i - Permits].Before, calls[i].After) >= Window.TotalMilliseconds);
        }

        // 15 starts at 5 per window need at least two full windows after the first start.
        Assert.True(TestRuntime.Ms(begin, Stopwatch.GetTimestamp()) >= 2 * Window.TotalMilliseconds);
    }

    [Fact]
    public async Task Concurrent_callers_never_get_more_than_the_permits_in_a_window()
    {
        var pacer = new SlidingWindowPacer(Permits, Window);
        long begin = Stopwatch.GetTimestamp();

        var calls = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => Task.Run(async () =>
        {
            long before = Stopwatch.GetTimestamp();
            await pacer.WaitAsync(CancellationToken.None);
            return (Before: before, After: Stopwatch.GetTimestamp());
        }))).WaitAsync(TimeSpan.FromSeconds(30));
        long end = Stopwatch.GetTimestamp();

        AssertNoMoreThanPermitsPerWindow(calls);
        Assert.True(TestRuntime.Ms(begin, end) >= 2 * Window.TotalMilliseconds);

        // Sorted by when they got through, the 6th and 11th callers each had to wait a further window.
        long[] afters = calls.Select(c => c.After).Order().ToArray();
        Assert.True(TestRuntime.Ms(begin, afters[Permits]) >= Window.TotalMilliseconds);
        Assert.True(TestRuntime.Ms(begin, afters[2 * Permits]) >= 2 * Window.TotalMilliseconds);
    }

    [Fact]
    public async Task A_waiting_caller_can_be_cancelled()
    {
        var pacer = new SlidingWindowPacer(2, TimeSpan.FromSeconds(30));
        await pacer.WaitAsync(CancellationToken.None);
        await pacer.WaitAsync(CancellationToken.None);

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pacer.WaitAsync(cancel.Token));
    }

    [Fact]
    public void Pacers_are_shared_per_key()
    {
        string key = "Test|" + Guid.NewGuid().ToString("N");
        SlidingWindowPacer a = SlidingWindowPacer.For(key, 10);
        Assert.Same(a, SlidingWindowPacer.For(key, 10));
        Assert.NotSame(a, SlidingWindowPacer.For(key + "-other", 10));
        Assert.Equal(10, a.Permits);
        Assert.True(a.Window > TimeSpan.FromSeconds(1)); // one second plus a safety margin
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlidingWindowPacer(0, Window));
    }

    [Fact]
    public async Task Every_attempt_through_a_runtime_waits_for_the_pacer()
    {
        // Retries count against the quota too: pacing sits inside the retry handler.
        var starts = new List<long>();
        int n = 0;
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            lock (starts)
            {
                starts.Add(Stopwatch.GetTimestamp());
            }

            return Interlocked.Increment(ref n) % 2 == 1
                ? TestRuntime.Text("busy", System.Net.HttpStatusCode.ServiceUnavailable)
                : TestRuntime.Json("{}");
        });
        var pacer = new SlidingWindowPacer(2, Window);
        using var runtime = TestRuntime.Create(mock, pacer: pacer);

        long begin = Stopwatch.GetTimestamp();
        for (int i = 0; i < 3; i++)
        {
            await runtime.SendForValueAsync(Core.Requests.ApiRequest.Get("x"), null, new RecordingOutput(), CancellationToken.None);
        }

        // 3 calls, each retried once: 6 attempts at 2 per window need at least two windows.
        Assert.Equal(6, starts.Count);
        Assert.True(TestRuntime.Ms(begin, starts[^1]) >= 2 * Window.TotalMilliseconds);
    }
}
