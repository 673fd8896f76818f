using ErpConnectors.Bench.Raw;
using ErpConnectors.Sandbox;

namespace ErpConnectors.Bench;

/// <summary>
/// One paging style as the benchmark runs it: how to size the sandbox (quotas off), how the module connects and
/// lists, and the raw loop that does the same wire work (same sign-in, same page size, every row parsed).
/// </summary>
/// <param name="Key">The name for --only.</param>
/// <param name="Configure">Sizes the sandbox for (rows, page size); returns the rows the list will really hold (sandbox caps, rounding).</param>
/// <param name="Connect">The module's Connect-* script and its variables (a fresh sign-in every run, like the raw loop's).</param>
/// <param name="List">The module's list script; $size is the page size.</param>
/// <param name="Raw">The raw loop: (sandbox, page size, row limit) → rows read.</param>
internal sealed record PagingStyle(
    string Key,
    string Name,
    string List,
    Func<SandboxOptions, long, int, long> Configure,
    Func<SandboxServer, (string Script, Dictionary<string, object?> Variables)> Connect,
    Func<SandboxServer, int, long, Task<long>> Raw)
{
    /// <summary>The cmdlet as the table shows it.</summary>
    public string Cmdlet(int pageSize) => List.Replace("$size", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>A sandbox holding the list at about <paramref name="rows"/> rows; also returns the exact count it holds.</summary>
    public async Task<(SandboxServer Sandbox, long Rows)> StartSandboxAsync(long rows, int pageSize)
    {
        var options = new SandboxOptions();
        long holds = Configure(options, rows, pageSize);
        return (await SandboxServer.StartAsync(options), holds);
    }

    /// <summary>Connects and streams the whole list (or its first rows) through the pipeline; returns the rows counted.</summary>
    public long RunModule(ModuleHost module, SandboxServer sandbox, int pageSize, long? first = null)
    {
        var (script, variables) = Connect(sandbox);
        module.Run(script, variables);
        return module.Run(first is { } n ? $"{List} -First {n}" : List, new() { ["size"] = pageSize });
    }
}

/// <summary>Every paging style the module implements, one list each.</summary>
internal static class PagingStyles
{
    public static readonly PagingStyle SeveraToken = new("severa-token", "Severa token paging (NextPageToken)", "Get-SeveraCustomer -PageSize $size",
        (options, rows, _) => Severa(options, (int)rows),
        SeveraConnect,
        (sandbox, size, limit) => SeveraRaw.TokenPagingAsync(sandbox.SeveraBaseUri, "customers", size, limit));

    public static readonly IReadOnlyList<PagingStyle> All =
    [
        SeveraToken,
        new("severa-row", "Severa row paging (firstRow)", "Get-SeveraContactPerson -PageSize $size",
            (options, rows, _) => 2L * Severa(options, (int)((rows + 1) / 2)), // two contact persons per customer
            SeveraConnect,
            (sandbox, size, limit) => SeveraRaw.RowPagingAsync(sandbox.SeveraBaseUri, "contactpersons", size, limit)),
        new("jiwa", "Jiwa AutoQuery (Skip/Take, Include=Total)", "Get-JiwaDebtor -PageSize $size",
            Jiwa,
            sandbox => SignIn("Connect-Jiwa", sandbox.JiwaBaseUri, SandboxCredentials.JiwaUserName, SandboxCredentials.JiwaPassword),
            (sandbox, size, limit) => JiwaRaw.AutoQueryAsync(sandbox.JiwaBaseUri, "Queries/DebtorList", size, limit)),
        new("qics", "Qics OData ($top/$skip)", "Get-QicsEntity OverviewCustomer -PageSize $size",
            (options, rows, _) => options.Qics.CustomerCount = Capped(rows, QicsSandbox.MaxCustomerCount),
            sandbox => ("Connect-Qics -BaseUri $uri -ClientId $clientId -ClientSecret $secret -ApiKey $key -TenantId $tenant -RefreshToken $refresh", new()
            {
                ["uri"] = sandbox.QicsBaseUri,
                ["clientId"] = SandboxCredentials.QicsClientId,
                ["secret"] = ModuleHost.Secure(SandboxCredentials.QicsClientSecret),
                ["key"] = ModuleHost.Secure(SandboxCredentials.QicsApiKey),
                ["tenant"] = SandboxCredentials.QicsTenantId,
                ["refresh"] = ModuleHost.Secure(sandbox.Qics.IssueRefreshToken()), // a runbook's stored token
            }),
            (sandbox, size, limit) => QicsRaw.ODataAsync(sandbox.QicsBaseUri, sandbox.Qics.IssueRefreshToken(), "OverviewCustomer", size, limit)),
        new("weavy", "Weavy offset (Select limit/offset)", "Get-WeavyRecord customer -PageSize $size",
            (options, rows, _) => options.Weavy.CustomerCount = Capped(rows, WeavySandboxOptions.MaxCustomerCount), // quota off by default
            WeavyConnect,
            (sandbox, size, limit) => WeavyRaw.SelectAsync(sandbox.WeavyBaseUri, "customer", size, limit)),
        new("microbizz", "Microbizz array stream (one unpaged array)", "Get-MicrobizzObject task",
            (options, rows, _) => options.Microbizz.TaskCount = Capped(rows, MicrobizzSandboxOptions.MaxTaskCount),
            sandbox => SignIn("Connect-Microbizz", sandbox.MicrobizzBaseUri, SandboxCredentials.MicrobizzUserName, SandboxCredentials.MicrobizzPassword),
            (sandbox, _, limit) => MicrobizzRaw.ListAsync(sandbox.MicrobizzBaseUri, "task", limit)),
    ];

    /// <summary>The Weavy sign-in, shared with the import benchmark.</summary>
    public static (string Script, Dictionary<string, object?> Variables) WeavyConnect(SandboxServer sandbox) =>
        SignIn($"Connect-Weavy -ProjectCode {SandboxCredentials.WeavyProjectCode}", sandbox.WeavyBaseUri, SandboxCredentials.WeavyUserName, SandboxCredentials.WeavyPassword);

    private static long Jiwa(SandboxOptions options, long rows, int pageSize)
    {
        options.Jiwa.DebtorCount = Capped(rows, JiwaSandboxOptions.MaxDebtorCount);
        options.Jiwa.TakeCap = pageSize; // the sandbox's AutoQuery MaxLimit (default 100): pages as large as asked
        return options.Jiwa.DebtorCount;
    }

    /// <summary>The rows asked for, or the sandbox's cap when it holds fewer (the table shows the rows really read).</summary>
    private static int Capped(long rows, int cap) => (int)Math.Min(rows, cap);

    private static int Severa(SandboxOptions options, int customers)
    {
        options.Severa.CustomerCount = customers;
        options.Severa.RequestsPerSecond = 0; // the sandbox's fair-use limit off; the module's pacing is raised on connect
        options.Severa.LimitedMaxRowCount = 1000; // a tenant that takes the guide's 1000 on every list: page sizes compare as given
        return customers;
    }

    private static (string Script, Dictionary<string, object?> Variables) SeveraConnect(SandboxServer sandbox) =>
        SignIn("Connect-Severa -Scope customers:read -RequestRateLimit 10000", sandbox.SeveraBaseUri, SandboxCredentials.SeveraClientId, SandboxCredentials.SeveraClientSecret);

    /// <summary>A Connect-* with -BaseUri and a -Credential: the sign-in of every system but Qics.</summary>
    private static (string Script, Dictionary<string, object?> Variables) SignIn(string connect, Uri baseUri, string user, string password) =>
        ($"{connect} -BaseUri $uri -Credential $cred", new() { ["uri"] = baseUri, ["cred"] = ModuleHost.Credential(user, password) });
}
