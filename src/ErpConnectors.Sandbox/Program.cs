using System.Runtime.InteropServices;
using ErpConnectors.Sandbox;
using ErpConnectors.Sandbox.Hosting;

// The executable: parse the options, start the same SandboxServer tests use with all five systems, set each
// system's faults, print the banner (base URIs, demo credentials, faults, Connect-* -Sandbox lines), and run
// until Ctrl+C or SIGTERM.
CommandLine commandLine;
try
{
    commandLine = CommandLine.Parse(args, Environment.GetEnvironmentVariable(CommandLine.PortVariable));
}
catch (FormatException error)
{
    // The message names the option and what it takes; the whole help would push it off the screen.
    await Console.Error.WriteLineAsync(error.Message);
    await Console.Error.WriteLineAsync("--help lists every option (erp-sandbox --help, or dotnet run --project src/ErpConnectors.Sandbox -- --help).");
    return 2;
}

if (commandLine.ShowHelp)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

if (commandLine.ExitWithProcessId is { } parent)
{
    ParentWatch.StopWhenGone(parent, stop);
}

await using var server = await SandboxServer.StartAsync(commandLine.Options, stop.Token);
commandLine.ApplyFaults(server);
Console.Write(server.Describe());
Console.WriteLine($"Second origin for the redirect faults (--hostile): {server.Foreign.RootUri}; what reaches it is printed here.");
server.Foreign.Received += request => Console.WriteLine($"second origin received: {request.Method} {request.Path} ({request.Headers.Count} headers, {request.Body.Length} body chars)");
Console.WriteLine("Press Ctrl+C to stop.");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopping.");
}

return 0;
