using Microsoft.Extensions.Hosting;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// Keeps the in-process server away from Ctrl+C and SIGTERM: a test host may run many sandboxes, and the
/// executable handles its own shutdown (Program.cs).
/// </summary>
internal sealed class NoSignalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
