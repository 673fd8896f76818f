using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.PesterTests;

/// <summary>
/// One run of tests/Pester/Invoke-ErpPesterSuite.ps1 for the whole test assembly, in the project's own pwsh
/// (`dotnet tool run pwsh`), -NonInteractive with stdin closed, as a runbook runs: a test that prompts fails instead
/// of waiting. The run starts one sandbox (the executable built beside these tests) for every file.
/// </summary>
public static class PesterSuite
{
    private static readonly Lazy<SuiteRun> Run = new(Execute, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string RepoRoot { get; } = FindRoot(AppContext.BaseDirectory);

    public static string SuiteFolder => Path.Combine(RepoRoot, "tests", "Pester");

    /// <summary>The suite's files, relative to tests/Pester, found when the tests are discovered.</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(SuiteFolder, "*.Tests.ps1", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(SuiteFolder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static SuiteRun Result => Run.Value;

    private static SuiteRun Execute()
    {
        string results = Path.Combine(RepoRoot, "out", "pester-results");
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        string version = typeof(PesterSuite).Assembly.GetCustomAttribute<PesterVersionAttribute>()!.Version;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepoRoot,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[]
        {
            "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-File", Path.Combine(SuiteFolder, "Invoke-ErpPesterSuite.ps1"),
            "-ResultDirectory", results, "-PesterVersion", version,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ERPCONNECTORS_TEST_SANDBOX_DLL"] = Path.Combine(AppContext.BaseDirectory, "ErpConnectors.Sandbox.dll");
#if DEBUG
        start.Environment["ERPCONNECTORS_TEST_CONFIGURATION"] = "Debug";
#else
        start.Environment["ERPCONNECTORS_TEST_CONFIGURATION"] = "Release";
#endif
        start.Environment.Remove("ERPCONNECTORS_SANDBOX_URI");
        start.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool finished = process.WaitForExit(TimeSpan.FromMinutes(20));
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "output.txt"), text);
        string json = Path.Combine(results, "results.json");
        var entries = File.Exists(json)
            ? JsonSerializer.Deserialize<List<PesterEntry>>(File.ReadAllText(json)) ?? []
            : [];
        return new SuiteRun(finished ? process.ExitCode : -1, text, entries);
    }

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ErpConnectors.psd1")) && Directory.Exists(Path.Combine(dir.FullName, "tests", "Pester")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No repository (ErpConnectors.psd1 and tests/Pester) above {start}.");
    }
}

/// <summary>What the suite run left: pwsh's exit code (the failure count, -1 when it was stopped), its output, the results.</summary>
public sealed record SuiteRun(int ExitCode, string Output, IReadOnlyList<PesterEntry> Entries);

/// <summary>One line of results.json: a file (Kind File) or a test in it (Kind Test).</summary>
public sealed record PesterEntry(string Kind, string File, string Name, string Result, string? Error);
