using System.Diagnostics;
using ErpConnectors.Demo;
using ErpConnectors.Sandbox;

// Finds the repository (README.md, out/ErpConnectors, the tool manifest) from the working directory or this program's folder.
string root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory)
    ?? throw new InvalidOperationException("Run the demo from the repository (README.md and ErpConnectors.psd1 not found).");
string manifest = Path.Combine(root, "out", "ErpConnectors", "ErpConnectors.psd1");
string? scriptFile = args.SkipWhile(a => a != "--script").Skip(1).FirstOrDefault();
string blockName = args.SkipWhile(a => a != "--block").Skip(1).FirstOrDefault() ?? "quickstart";
string script = scriptFile is not null ? File.ReadAllText(scriptFile) : ReadmeScript.Extract(Path.Combine(root, "README.md"), blockName);
string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

// The project's own pwsh (.config/dotnet-tools.json): restored here, so one command works from a fresh clone.
if (Run(dotnet, root, redirect: true, "tool", "restore") is var (restored, restoreOutput) && restored != 0)
{
    Console.Error.WriteLine(restoreOutput);
    Console.Error.WriteLine("dotnet tool restore failed: the demo needs the PowerShell tool of .config/dotnet-tools.json.");
    return restored;
}

await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions());
Console.WriteLine($"Sandbox listening at {sandbox.RootUri} (Severa: {sandbox.SeveraBaseUri})");
Console.WriteLine($"Running {(scriptFile ?? $"the '{blockName}' script from README.md")} in pwsh (dotnet tool run pwsh), as you would type it:");
Console.WriteLine();

// A script file, as a person or a runbook runs one; it starts where the demo was started, with the built module
// imported by path and every Connect-* -Sandbox pointed at the sandbox above.
string file = Path.Combine(Path.GetTempPath(), $"erpconnectors-demo-{Guid.NewGuid():n}.ps1");
await File.WriteAllTextAsync(file, string.Join(
    Environment.NewLine,
    $"Set-Location -LiteralPath '{Directory.GetCurrentDirectory().Replace("'", "''", StringComparison.Ordinal)}'",
    $"$env:ERPCONNECTORS_SANDBOX_URI = '{sandbox.RootUri.AbsoluteUri}'",
    $"Import-Module '{manifest.Replace("'", "''", StringComparison.Ordinal)}' -ErrorAction Stop",
    "$ErrorActionPreference = 'Stop'",
    script));
try
{
    var clock = Stopwatch.StartNew();
    var (exitCode, _) = Run(dotnet, root, redirect: false, "tool", "run", "pwsh", "--", "-NoProfile", "-File", file);
    Console.WriteLine();
    Console.WriteLine($"pwsh exited with {exitCode} after {clock.ElapsedMilliseconds} ms; the sandbox answered {sandbox.Requests.Snapshot().Count} requests.");
    return exitCode;
}
finally
{
    File.Delete(file);
}

// Output goes straight to this console unless redirected, so pwsh renders its default views as it would for you.
static (int ExitCode, string Output) Run(string program, string workingDirectory, bool redirect, params string[] arguments)
{
    var start = new ProcessStartInfo(program)
    {
        WorkingDirectory = workingDirectory,
        UseShellExecute = false,
        RedirectStandardOutput = redirect,
        RedirectStandardError = redirect,
    };
    foreach (string argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
    string output = redirect ? process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd() : string.Empty;
    process.WaitForExit();
    return (process.ExitCode, output);
}

static string? FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ErpConnectors.psd1")) && File.Exists(Path.Combine(dir.FullName, "README.md")))
        {
            return dir.FullName;
        }
    }

    return null;
}
