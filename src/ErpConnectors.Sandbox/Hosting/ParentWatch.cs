using System.Diagnostics;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// --exit-with: the sandbox stops when the process that started it is gone, even when that process was killed and
/// could not stop it (a runbook job ended by its host, a CI step that timed out).
/// </summary>
internal static class ParentWatch
{
    public static void StopWhenGone(int processId, CancellationTokenSource stop)
    {
        Process parent;
        try
        {
            parent = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            // Gone before we looked: nothing to outlive.
            stop.Cancel();
            return;
        }

        _ = WatchAsync(parent, stop);
    }

    private static async Task WatchAsync(Process parent, CancellationTokenSource stop)
    {
        using (parent)
        {
            try
            {
                // On Unix a process that is not our parent's child is polled by the runtime; either way this returns when it ends.
                await parent.WaitForExitAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (InvalidOperationException)
            {
                // No longer there to wait for.
            }

            try
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
                // The sandbox stopped on its own meanwhile.
            }
        }
    }
}
