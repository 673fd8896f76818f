using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ErpConnectors.Sandbox;

namespace ErpConnectors.Bench;

/// <summary>
/// Rows piped into Invoke-WeavyDatasetImport against the sandbox, beside a raw HttpClient loop posting the same
/// batches of 1000 to BulkImport: rows/s for both, the ratio, and the module's peak live heap (flat in N when
/// batches leave as they fill). The rows are built in the pipeline from a lazy range, as a script would.
/// </summary>
internal static class WeavyImportBench
{
    public static async Task RunAsync(Runspace runspace, long[] rowCounts)
    {
        Console.WriteLine();
        Console.WriteLine("Weavy import: rows piped into Invoke-WeavyDatasetImport (BulkImport, batches of 1000) vs a raw HttpClient loop posting the same batches");
        Console.WriteLine();
        Console.WriteLine("| rows | module rows/s | raw loop rows/s | ratio | module peak live heap (full GCs) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Weavy = { CustomerCount = 100 } });
        var credential = new PSCredential(SandboxCredentials.WeavyUserName, new System.Net.NetworkCredential(string.Empty, SandboxCredentials.WeavyPassword).SecurePassword);
        runspace.SessionStateProxy.SetVariable("weavyUri", sandbox.WeavyBaseUri);
        runspace.SessionStateProxy.SetVariable("weavyCred", credential);
        Invoke(runspace, "Connect-Weavy -ProjectCode DEMO -Credential $weavyCred -BaseUri $weavyUri | Out-Null");

        // Warm both paths.
        Import(runspace, "warm", 2000);
        await RawAsync(sandbox.WeavyBaseUri, "rawwarm", 2000);

        foreach (long rows in rowCounts)
        {
            var clock = Stopwatch.StartNew();
            await RawAsync(sandbox.WeavyBaseUri, "raw" + rows, rows);
            double rawRate = rows / clock.Elapsed.TotalSeconds;

            clock.Restart();
            Import(runspace, "mod" + rows, rows);
            double moduleRate = rows / clock.Elapsed.TotalSeconds;

            // The same codes again: the in-process sandbox stores nothing new (an unchanged row is skipped), so the
            // heap measured is the module's and the engine's, not the sandbox's growing table.
            // The sandbox also logs every request with its body (up to 64 KiB) for tests: emptied as the pass runs.
            long live;
            using (var clearing = new Timer(_ => sandbox.Requests.Clear(), null, 0, 20))
            using (var memory = new PeakMemory(forceFull: true))
            {
                Import(runspace, "mod" + rows, rows);
                live = memory.PeakBytes;
            }

            Console.WriteLine($"| {rows:N0} | {moduleRate:N0} | {rawRate:N0} | {moduleRate / rawRate:0.00} | {live / (1024.0 * 1024.0):0.0} MB |");
        }
    }

    private static void Import(Runspace runspace, string prefix, long rows)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript($"[System.Linq.Enumerable]::Range(1, {rows}) | ForEach-Object {{ @{{ customer_ID = '{prefix}-' + $_; name = 'Row ' + $_; city = 'Lyon'; revenue = $_ * 1.5 }} }} | Invoke-WeavyDatasetImport customer | Out-Null");
        shell.Invoke();
        if (shell.HadErrors)
        {
            throw new InvalidOperationException("The import wrote errors: " + string.Join("; ", shell.Streams.Error));
        }
    }

    private static async Task RawAsync(Uri baseUri, string prefix, long rows)
    {
        using var http = new HttpClient();
        using var signIn = await http.PostAsJsonAsync(new Uri(baseUri + "/v1/Authenticate"), new { scope = "API", projectCode = "DEMO", userName = SandboxCredentials.WeavyUserName, password = SandboxCredentials.WeavyPassword });
        signIn.EnsureSuccessStatusCode();
        string token = JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("authToken").GetString()!;
        for (long start = 1; start <= rows; start += 1000)
        {
            var batch = new List<Dictionary<string, object>>();
            for (long i = start; i < start + 1000 && i <= rows; i++)
            {
                batch.Add(new Dictionary<string, object> { ["customer_ID"] = $"{prefix}-{i}", ["name"] = "Row " + i.ToString(CultureInfo.InvariantCulture), ["city"] = "Lyon", ["revenue"] = i * 1.5m });
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri + "/v1/Data/DEMO/BulkImport")) { Content = JsonContent.Create(new { entityName = "customer", rows = batch }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }
    }

    private static void Invoke(Runspace runspace, string script)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script).Invoke();
        if (shell.HadErrors)
        {
            throw new InvalidOperationException(string.Join("; ", shell.Streams.Error));
        }
    }
}
