using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// The sandbox as users get it outside this repository: a .NET tool package (what ./build.ps1 Package puts in
/// artifacts/), installed with dotnet tool install, and a process that does not outlive the script that started it.
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_packed_tool_installs_from_a_folder_starts_and_answers()
    {
        var temp = Directory.CreateTempSubdirectory("erp-sandbox-tool-");
        try
        {
            var feed = Path.Combine(temp.FullName, "feed");
            var tools = Path.Combine(temp.FullName, "tools");
            var config = Path.Combine(temp.FullName, "nuget.config");
            await File.WriteAllTextAsync(config, $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><clear /><add key="feed" value="{feed}" /></packageSources></configuration>""");

            // Packs the build under test (no rebuild: the test's own configuration, already built).
            var project = Path.Combine(RepositoryRoot(), "src", "ErpConnectors.Sandbox", "ErpConnectors.Sandbox.csproj");
            // Publish and nuspec folders of its own: ./build.ps1 Package (the Pester suite) may pack the same build meanwhile.
            await RunAsync(SandboxProcess.DotnetHost, "pack", project, "--no-build", "-c", Configuration(), "-o", feed, "-p:CopySandboxBesideModule=false", $"-p:PublishDir={temp.FullName}/publish/", $"-p:NuspecOutputPath={temp.FullName}/nuspec/");
            var package = Assert.Single(Directory.GetFiles(feed, "ErpConnectors.Sandbox.*.nupkg"));
            var version = Path.GetFileNameWithoutExtension(package)["ErpConnectors.Sandbox.".Length..];

            await RunAsync(SandboxProcess.DotnetHost, "tool", "install", "ErpConnectors.Sandbox", "--version", version, "--tool-path", tools, "--configfile", config);
            var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "erp-sandbox.exe" : "erp-sandbox");
            Assert.True(File.Exists(command), $"no {command} after the install");

            using var sandbox = await SandboxProcess.StartAsync(command, ["--port", "0", "--severa-customers", "7"]);
            using var http = new HttpClient { Timeout = Patience };
            var banner = await http.GetStringAsync(sandbox.RootUri);
            Assert.Contains("Connect-Severa -Sandbox", banner, StringComparison.Ordinal);
            Assert.Contains("7 customers", banner, StringComparison.Ordinal);
            using var control = await http.GetAsync(new Uri(sandbox.RootUri, "_sandbox"));
            Assert.Equal(System.Net.HttpStatusCode.OK, control.StatusCode);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_sandbox_started_with_exit_with_stops_when_that_process_ends()
    {
        var (host, dll) = SandboxProcess.BuiltSandbox();
        using var script = await SandboxProcess.StartAsync(host, [.. dll, "--port", "0"]);
        using var sandbox = await SandboxProcess.StartAsync(host, [.. dll, "--port", "0", "--exit-with", script.Process.Id.ToString(CultureInfo.InvariantCulture)]);
        using var http = new HttpClient();
        Assert.Contains("five systems", await http.GetStringAsync(sandbox.RootUri), StringComparison.Ordinal);

        script.Process.Kill(entireProcessTree: true);

        using var patience = new CancellationTokenSource(Patience);
        await sandbox.Process.WaitForExitAsync(patience.Token);
        Assert.True(sandbox.Process.HasExited);
    }

    private static string Configuration() =>
        typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ErpConnectors.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (ErpConnectors.slnx) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs a dotnet command to its end; fails with its output when it fails.</summary>
    private static async Task RunAsync(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings would steer the nested command into this run's build.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Patience);
        await process.WaitForExitAsync(patience.Token);
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}):{Environment.NewLine}{await output}{await error}");
    }
}
