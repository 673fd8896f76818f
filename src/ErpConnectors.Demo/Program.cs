using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ErpConnectors.Demo;
using ErpConnectors.Sandbox;

// Finds the repository (README.md, out/ErpConnectors) from the working directory or this program's folder.
string root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory)
    ?? throw new InvalidOperationException("Run the demo from the repository (README.md and ErpConnectors.psd1 not found).");
string manifest = Path.Combine(root, "out", "ErpConnectors", "ErpConnectors.psd1");
string? scriptFile = args.SkipWhile(a => a != "--script").Skip(1).FirstOrDefault();
string blockName = args.SkipWhile(a => a != "--block").Skip(1).FirstOrDefault() ?? "quickstart";
string script = scriptFile is not null ? File.ReadAllText(scriptFile) : ReadmeScript.Extract(Path.Combine(root, "README.md"), blockName);
bool adapted = EmbeddedEngine.NeedsAdapting(script);
script = EmbeddedEngine.AdaptScript(script);

await using SandboxServer sandbox = await SandboxServer.StartAsync(new SandboxOptions());
Environment.SetEnvironmentVariable("ERPCONNECTORS_SANDBOX_URI", sandbox.RootUri.AbsoluteUri);
Console.WriteLine($"Sandbox listening at {sandbox.RootUri} (Severa: {sandbox.SeveraBaseUri})");
Console.WriteLine($"Running {(scriptFile ?? $"the '{blockName}' script from README.md")} in an embedded PowerShell engine:");
if (adapted)
{
    Console.WriteLine("(This engine has only PowerShell's core cmdlets: the script's Export-Csv line runs as the same file written with .NET.)");
}

Console.WriteLine();

using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
using (var import = PowerShell.Create())
{
    import.Runspace = runspace;
    import.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("ErrorAction", "Stop").Invoke();
}

using var shell = PowerShell.Create();
shell.Runspace = runspace;
shell.AddScript(script);
var output = new PSDataCollection<PSObject>();
long count = 0;
var clock = Stopwatch.StartNew();
output.DataAdded += (_, e) =>
{
    // Printed as each object arrives, not when the script ends: the pipeline streams.
    count++;
    Console.WriteLine(Render(output[e.Index]));
};
shell.Streams.Error.DataAdded += (_, e) => Console.Error.WriteLine($"ERROR: {shell.Streams.Error[e.Index]}");
shell.Streams.Warning.DataAdded += (_, e) => Console.Error.WriteLine($"WARNING: {shell.Streams.Warning[e.Index]}");

try
{
    shell.Invoke(null, output);
}
catch (RuntimeException ex)
{
    Console.Error.WriteLine($"The script stopped: {ex.Message}");
    return 1;
}

Console.WriteLine();
Console.WriteLine($"{count} objects streamed in {clock.ElapsedMilliseconds} ms; the sandbox answered {sandbox.Requests.Snapshot().Count} requests.");
return shell.HadErrors ? 1 : 0;

static string Render(PSObject item)
{
    if (item.BaseObject is string or ValueType)
    {
        return item.BaseObject.ToString() ?? string.Empty;
    }

    // A record without a host's formatter: its first few properties, name=value.
    return string.Join("  ", item.Properties.Take(5).Select(p => $"{p.Name}={p.Value}"));
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
