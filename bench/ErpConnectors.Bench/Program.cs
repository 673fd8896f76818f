using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ErpConnectors.Bench;
using ErpConnectors.Sandbox;

// Options: --rows 10000,100000 (row counts), --page-size 1000, --latency-ms 100 (for the latency run), --latency-pages 20,
// --weavy-rows 10000,100000 (rows for the Weavy import run; 0 skips it).
long[] rowCounts = Option("--rows", "10000,100000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
int pageSize = int.Parse(Option("--page-size", "1000"), CultureInfo.InvariantCulture);
int latencyMs = int.Parse(Option("--latency-ms", "100"), CultureInfo.InvariantCulture);
int latencyPages = int.Parse(Option("--latency-pages", "20"), CultureInfo.InvariantCulture);

string root = FindRoot();
string manifest = Path.Combine(root, "out", "ErpConnectors", "ErpConnectors.psd1");
using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
Invoke("Import-Module $manifest -ErrorAction Stop", new() { ["manifest"] = manifest });

Console.WriteLine($"ErpConnectors streaming benchmark ({Environment.ProcessorCount} cores, {RuntimeInformationText()}), page size {pageSize}");
Console.WriteLine();
Console.WriteLine("| rows | module rows/s | raw loop rows/s | ratio | module peak heap after GC | raw peak heap after GC | module peak live heap (full GCs) |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|");
foreach (long rows in rowCounts)
{
    await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Severa = { CustomerCount = (int)rows, RequestsPerSecond = 0 } });
    // Warm both paths once (JIT, connection pool) on a small read.
    await RawLoop.RunAsync(sandbox.SeveraBaseUri, SandboxCredentials.SeveraClientId, SandboxCredentials.SeveraClientSecret, pageSize);
    Stream(sandbox, pageSize, first: 2000);

    var (rawRows, rawTime, rawPeak) = await MeasureAsync(() => RawLoop.RunAsync(sandbox.SeveraBaseUri, SandboxCredentials.SeveraClientId, SandboxCredentials.SeveraClientSecret, pageSize));
    var (moduleRows, moduleTime, modulePeak) = await MeasureAsync(() => Task.FromResult(Stream(sandbox, pageSize, first: null)));
    Check(rawRows == rows && moduleRows == rows, $"expected {rows} rows, raw loop read {rawRows}, module {moduleRows}");
    double moduleRate = moduleRows / moduleTime.TotalSeconds;
    double rawRate = rawRows / rawTime.TotalSeconds;
    // A separate, slower pass for memory only: full collections while sampling count live objects, not the
    // gen2 garbage that streamed rows become after waiting in the read-ahead buffer.
    var (_, _, moduleLive) = await MeasureAsync(() => Task.FromResult(Stream(sandbox, pageSize, first: null)), forceFull: true);
    Console.WriteLine($"| {rows:N0} | {moduleRate:N0} | {rawRate:N0} | {moduleRate / rawRate:0.00} | {Mb(modulePeak)} | {Mb(rawPeak)} | {Mb(moduleLive)} |");
}

// Latency: every page answer waits latencyMs on the server; read-ahead should hide it behind the consumer's work.
{
    long rows = (long)latencyPages * pageSize;
    await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Severa = { CustomerCount = (int)rows, RequestsPerSecond = 0 } });
    Stream(sandbox, pageSize, first: 10);
    sandbox.Severa.Faults.Latency = TimeSpan.FromMilliseconds(latencyMs);
    var (moduleRows, moduleTime, _) = await MeasureAsync(() => Task.FromResult(Stream(sandbox, pageSize, first: null)));
    var (rawRows, rawTime, _) = await MeasureAsync(() => RawLoop.RunAsync(sandbox.SeveraBaseUri, SandboxCredentials.SeveraClientId, SandboxCredentials.SeveraClientSecret, pageSize));
    double floor = latencyPages * latencyMs / 1000.0;
    Console.WriteLine();
    Console.WriteLine($"Latency {latencyMs} ms per request, {latencyPages} pages of {pageSize} ({moduleRows:N0} rows): module {moduleTime.TotalSeconds:0.00} s, raw loop {rawTime.TotalSeconds:0.00} s; pages x latency = {floor:0.00} s; module / (pages x latency) = {moduleTime.TotalSeconds / floor:0.00} (target <= 1.10)");
}

string weavyRows = Option("--weavy-rows", "10000,100000");
if (weavyRows != "0")
{
    await WeavyImportBench.RunAsync(runspace, weavyRows.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray());
}

Console.WriteLine();
Console.WriteLine($"Process peak working set (sandbox, engine and both clients together): {Mb(PeakMemory.WorkingSet)}");
return 0;

long Stream(SandboxServer sandbox, int size, long? first)
{
    var variables = new Dictionary<string, object?>
    {
        ["uri"] = sandbox.SeveraBaseUri,
        ["cred"] = new PSCredential(SandboxCredentials.SeveraClientId, new System.Net.NetworkCredential(string.Empty, SandboxCredentials.SeveraClientSecret).SecurePassword),
        ["size"] = size,
    };
    Invoke("Connect-Severa -BaseUri $uri -Credential $cred -Scope customers:read -RequestRateLimit 10000", variables);
    string script = first is { } n ? $"Get-SeveraCustomer -PageSize $size -First {n}" : "Get-SeveraCustomer -PageSize $size";
    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddScript(script);
    var sink = new CountingList();
    shell.Invoke<PSObject>(null, sink);
    Check(!shell.HadErrors, "the module's run wrote errors: " + string.Join("; ", shell.Streams.Error));
    return sink.Added;
}

void Invoke(string script, Dictionary<string, object?> variables)
{
    foreach (var (name, value) in variables)
    {
        runspace.SessionStateProxy.SetVariable(name, value);
    }

    using var shell = PowerShell.Create();
    shell.Runspace = runspace;
    shell.AddScript(script).Invoke();
    Check(!shell.HadErrors, string.Join("; ", shell.Streams.Error));
}

static async Task<(long Rows, TimeSpan Time, long PeakHeap)> MeasureAsync(Func<Task<long>> run, bool forceFull = false)
{
    using var memory = new PeakMemory(forceFull);
    var clock = Stopwatch.StartNew();
    long rows = await run();
    clock.Stop();
    return (rows, clock.Elapsed, memory.PeakBytes);
}

static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):0.0} MB";

static void Check(bool condition, string message)
{
    if (!condition)
    {
        throw new InvalidOperationException(message);
    }
}

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;

string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ErpConnectors.psd1")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Repository root not found.");
}
