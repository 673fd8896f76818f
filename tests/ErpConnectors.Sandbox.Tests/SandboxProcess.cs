using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The sandbox as a separate process (the executable or the installed tool), read up to its banner's first line.</summary>
internal sealed partial class SandboxProcess : IDisposable
{
    private SandboxProcess(Process process, Uri rootUri)
    {
        Process = process;
        RootUri = rootUri;
    }

    public Process Process { get; }

    public Uri RootUri { get; }

    /// <summary>Starts <paramref name="fileName"/> and waits for the banner's first line (or the process to end, which fails).</summary>
    public static async Task<SandboxProcess> StartAsync(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (Banner().Match(line) is { Success: true } match)
            {
                // Keep reading so a full pipe never blocks the sandbox.
                _ = process.StandardOutput.ReadToEndAsync();
                return new SandboxProcess(process, new Uri(match.Groups[1].Value));
            }
        }

        await process.WaitForExitAsync();
        var error = await stderr;
        process.Dispose();
        throw new InvalidOperationException($"{fileName} ended with {process.ExitCode} before its banner: {error}");
    }

    /// <summary>The command that runs the built sandbox beside this test (dotnet ErpConnectors.Sandbox.dll).</summary>
    public static (string FileName, string[] Arguments) BuiltSandbox() =>
        (DotnetHost, [Path.Combine(AppContext.BaseDirectory, "ErpConnectors.Sandbox.dll")]);

    /// <summary>The dotnet host running this test.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    [GeneratedRegex(@"^ErpConnectors sandbox on (http://127\.0\.0\.1:\d+/):")]
    private static partial Regex Banner();
}
