using System.Collections;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>One sandbox with large lists in all five systems, and one session connected to all of them.</summary>
public sealed class AllSystemsFixture : IAsyncLifetime
{
    public const int MicrobizzTasks = 1_000_000;

    public SandboxServer Server { get; private set; } = null!;

    public PowerShellSession Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxOptions
        {
            Severa = { CustomerCount = 5000, RequestsPerSecond = 0 },
            Jiwa = { DebtorCount = 5000 },
            Qics = { CustomerCount = 5000 },
            Weavy = { CustomerCount = 5000 },
            Microbizz = { TaskCount = MicrobizzTasks },
        });
        Session = new PowerShellSession();
        Session.RunOk(
            SeveraSandboxFixture.Connect.Replace("$uri", "$severaUri", StringComparison.Ordinal).Replace("$cred", "$severaCred", StringComparison.Ordinal) + " -RequestRateLimit 1000\n" +
            "Connect-Jiwa -BaseUri $jiwaUri -Credential $jiwaCred\n" +
            QicsSandboxFixture.ConnectWithRefreshToken.Replace("$uri", "$qicsUri", StringComparison.Ordinal) + "\n" +
            WeavySandboxFixture.Connect.Replace("$uri", "$weavyUri", StringComparison.Ordinal).Replace("$cred", "$weavyCred", StringComparison.Ordinal) + "\n" +
            MicrobizzSandboxFixture.Connect.Replace("$uri", "$microbizzUri", StringComparison.Ordinal).Replace("$cred", "$microbizzCred", StringComparison.Ordinal),
            new Hashtable
            {
                ["severaUri"] = Server.SeveraBaseUri,
                ["severaCred"] = SeveraSandboxFixture.Credential(),
                ["jiwaUri"] = Server.JiwaBaseUri,
                ["jiwaCred"] = SeveraSandboxFixture.Credential(SandboxCredentials.JiwaUserName, SandboxCredentials.JiwaPassword),
                ["qicsUri"] = Server.QicsBaseUri,
                ["clientId"] = SandboxCredentials.QicsClientId,
                ["secret"] = QicsSandboxFixture.Secure(SandboxCredentials.QicsClientSecret),
                ["key"] = QicsSandboxFixture.Secure(SandboxCredentials.QicsApiKey),
                ["tenant"] = SandboxCredentials.QicsTenantId,
                ["refresh"] = QicsSandboxFixture.Secure(Server.Qics.IssueRefreshToken()),
                ["company"] = Server.Qics.CompanyIds[0],
                ["weavyUri"] = Server.WeavyBaseUri,
                ["weavyCred"] = SeveraSandboxFixture.Credential(SandboxCredentials.WeavyUserName, SandboxCredentials.WeavyPassword),
                ["microbizzUri"] = Server.MicrobizzBaseUri,
                ["microbizzCred"] = SeveraSandboxFixture.Credential(SandboxCredentials.MicrobizzUserName, SandboxCredentials.MicrobizzPassword),
            });
    }

    public async Task DisposeAsync()
    {
        Session.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>
/// The conformance rule "a Get cmdlet streams", on every exported Get cmdlet: one that lists must return after
/// one page when asked for -First 1 on a large sandbox list; one that answers a single object must say so here.
/// A Get cmdlet added later without either fails, naming itself.
/// </summary>
public sealed class StreamingConformanceTests : IClassFixture<AllSystemsFixture>
{
    /// <summary>Get cmdlets that answer one object (or one small document) per call: nothing to page.</summary>
    private static readonly Dictionary<string, string> s_single = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Get-SeveraConnection"] = "the module's own connection object",
        ["Get-JiwaConnection"] = "the module's own connection object",
        ["Get-QicsConnection"] = "the module's own connection object",
        ["Get-WeavyConnection"] = "the module's own connection object",
        ["Get-MicrobizzConnection"] = "the module's own connection object",
        ["Get-WeavyEntity"] = "the project's data dictionary: one document, cached per connection",
        ["Get-MicrobizzCurrentUser"] = "one user object",
        ["Get-MicrobizzSubscription"] = "one subscription object",
        ["Get-MicrobizzPaymentUrl"] = "one URL",
        ["Get-ErpSandboxRequest"] = "the local sandbox's request log: one answer from its control endpoint, bounded by the log's capacity",
    };

    /// <summary>A list call per Get cmdlet (-First 1 is added), after an optional setup that finds a parent.</summary>
    private static readonly Dictionary<string, (string Setup, string List)> s_lists = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Get-SeveraCustomer"] = (string.Empty, "Get-SeveraCustomer"),
        ["Get-SeveraContactPerson"] = (string.Empty, "Get-SeveraContactPerson"),
        ["Get-SeveraAddress"] = (string.Empty, "Get-SeveraAddress"),
        ["Get-SeveraUser"] = (string.Empty, "Get-SeveraUser"),
        ["Get-SeveraProject"] = (string.Empty, "Get-SeveraProject"),
        ["Get-SeveraPhase"] = (string.Empty, "Get-SeveraPhase"),
        ["Get-SeveraWorkType"] = ("$global:phase = (Get-SeveraPhase -First 1).guid", "Get-SeveraWorkType -PhaseGuid $phase"),
        ["Get-SeveraWorkHour"] = (string.Empty, "Get-SeveraWorkHour"),
        ["Get-SeveraDeletedWorkHour"] = (string.Empty, "Get-SeveraDeletedWorkHour"),
        ["Get-SeveraInvoice"] = (string.Empty, "Get-SeveraInvoice"),
        ["Get-SeveraInvoiceRow"] = ("$global:invoice = (Get-SeveraInvoice -First 1).guid", "Get-SeveraInvoiceRow -InvoiceGuid $invoice"),
        ["Get-SeveraInvoiceStatus"] = (string.Empty, "Get-SeveraInvoiceStatus"),
        ["Get-JiwaDebtor"] = (string.Empty, "Get-JiwaDebtor"),
        ["Get-JiwaInventory"] = (string.Empty, "Get-JiwaInventory"),
        ["Get-JiwaDebtorTransaction"] = (string.Empty, "Get-JiwaDebtorTransaction"),
        ["Get-JiwaSalesOrder"] = (string.Empty, "Get-JiwaSalesOrder"),
        ["Get-JiwaSalesQuote"] = (string.Empty, "Get-JiwaSalesQuote"),
        ["Get-QicsEntity"] = (string.Empty, "Get-QicsEntity OverviewCustomer"),
        ["Get-QicsEntityState"] = ("1..3 | ForEach-Object { [pscustomobject]@{ CompanyId = $company; DataSource = 'Conformance'; EntityType = 'Customer'; EntityId = $_ } } | Set-QicsEntityState -Confirm:$false", "Get-QicsEntityState"),
        ["Get-WeavyRecord"] = (string.Empty, "Get-WeavyRecord customer"),
        ["Get-MicrobizzObject"] = (string.Empty, "Get-MicrobizzObject task"),
        ["Get-MicrobizzTask"] = (string.Empty, "Get-MicrobizzTask"),
        ["Get-MicrobizzCompany"] = (string.Empty, "Get-MicrobizzCompany"),
        ["Get-MicrobizzForeignCompany"] = (string.Empty, "Get-MicrobizzForeignCompany"),
        ["Get-MicrobizzCompanyConnection"] = (string.Empty, "Get-MicrobizzCompanyConnection"),
        ["Get-MicrobizzUser"] = (string.Empty, "Get-MicrobizzUser"),
        ["Get-MicrobizzNotification"] = (string.Empty, "Get-MicrobizzNotification"),
        ["Get-MicrobizzAssignment"] = (string.Empty, "Get-MicrobizzAssignment"),
    };

    private readonly AllSystemsFixture _all;

    public StreamingConformanceTests(AllSystemsFixture all)
    {
        _all = all;
    }

    public static TheoryData<string> ListingCmdlets() => new(s_lists.Keys);

    [Fact]
    public void Every_Get_cmdlet_is_checked_for_streaming_or_answers_one_object()
    {
        var gets = _all.Session.RunOk("(Get-Module ErpConnectors).ExportedCmdlets.Values | Where-Object Verb -eq Get | ForEach-Object Name").Select(o => (string)o.BaseObject).ToList();
        var unclassified = gets.Where(g => !s_single.ContainsKey(g) && !s_lists.ContainsKey(g)).ToList();
        Assert.True(unclassified.Count == 0, $"Get cmdlets with no streaming check and not declared single-object: {string.Join(", ", unclassified)}");
        Assert.DoesNotContain(s_lists.Keys.Concat(s_single.Keys), name => !gets.Contains(name, StringComparer.OrdinalIgnoreCase));

        // A cmdlet that lists supports -First/-Skip; one declared single-object does not pretend to.
        var paging = _all.Session.RunOk("(Get-Module ErpConnectors).ExportedCmdlets.Values | Where-Object { $_.Verb -eq 'Get' -and $_.Parameters.ContainsKey('First') } | ForEach-Object Name").Select(o => (string)o.BaseObject).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(s_lists.Keys, name => !paging.Contains(name));
        Assert.DoesNotContain(s_single.Keys, paging.Contains);
    }

    [Theory]
    [MemberData(nameof(ListingCmdlets))]
    public void First_1_on_a_large_list_returns_after_one_page(string cmdlet)
    {
        var (setup, list) = s_lists[cmdlet];
        string system = SystemOf(cmdlet);
        if (setup.Length > 0)
        {
            _all.Session.RunOk(setup);
        }

        // Once to warm what a connection caches (Weavy's dictionary, a token refresh), then measured.
        _all.Session.RunOk($"{list} -First 1 | Out-Null");
        int before = SettledListCalls(system);
        long rowsListed = system == "Microbizz" ? SettledRowsListed() : 0;

        var result = _all.Session.RunOk($"@({list} -First 1).Count");
        // Counted when the cmdlet has returned: a cmdlet that read the whole array would have made the server
        // generate all of it by then; what the server does after the client has gone is not the client's doing.
        long generated = _all.Server.Microbizz.RowsListed - rowsListed;

        Assert.Equal(1, Assert.Single(result).BaseObject);
        int calls = SettledListCalls(system) - before;
        Assert.True(calls == 1, $"{calls} calls to {system} for -First 1: {string.Join(" ", _all.Server.Requests.Snapshot().TakeLast(4).Select(r => $"{r.Method} {r.Path}{r.QueryString} {r.StatusCode}"))}");
        if (system == "Microbizz")
        {
            // One unpaged array of up to a million rows: the answer was closed long before its end.
            Assert.True(generated < AllSystemsFixture.MicrobizzTasks / 10, $"{generated} rows generated for -First 1");
        }
    }

    /// <summary>
    /// Microbizz's row counter once the warm-up's answer has stopped being written (no change for half a
    /// second): the server may go on generating for a moment after a client has gone.
    /// </summary>
    private long SettledRowsListed()
    {
        long rows = _all.Server.Microbizz.RowsListed;
        for (int wait = 0, still = 0; wait < 200 && still < 10; wait++)
        {
            Thread.Sleep(50);
            long now = _all.Server.Microbizz.RowsListed;
            still = now == rows ? still + 1 : 0;
            rows = now;
        }

        return rows;
    }

    private static string SystemOf(string cmdlet) =>
        new[] { "Severa", "Jiwa", "Qics", "Weavy", "Microbizz" }.First(s => cmdlet.AsSpan(4).StartsWith(s, StringComparison.Ordinal));

    /// <summary>Calls other than sign-in and the server's own quota refusals.</summary>
    private int ListCalls(string system) =>
        _all.Server.Requests.AnsweredSnapshot().Count(r => string.Equals(r.System, system, StringComparison.OrdinalIgnoreCase) && r.StatusCode != 429 && !IsAuthentication(r.Path));

    private static bool IsAuthentication(string path) =>
        new[] { "/token", "/auth", "/login", "authenticate", "/connect/" }.Any(p => path.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The count once a second page, had one been asked for, has arrived; ListCalls then waits until every request
    /// that arrived is logged (the sandbox logs a request when its answer is finished, which for an answer the
    /// client closed early is a moment after the cmdlet returned).
    /// </summary>
    private int SettledListCalls(string system)
    {
        Thread.Sleep(200);
        return ListCalls(system);
    }
}
