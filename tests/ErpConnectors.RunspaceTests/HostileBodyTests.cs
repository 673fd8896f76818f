using System.Collections;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

/// <summary>One in-process sandbox for the body-fault tests of all five systems (issue 13, items 4 to 6).</summary>
public sealed class HostileBodyFixture : IAsyncLifetime
{
    public const int SeveraCustomers = 2345;
    public const int JiwaDebtors = 1200;
    public const int QicsCustomers = 450;
    public const int WeavyCustomers = 1100;
    public const int MicrobizzTasks = 3000;

    public SandboxServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await SandboxServer.StartAsync(new SandboxOptions
    {
        Severa = { CustomerCount = SeveraCustomers },
        Jiwa = { DebtorCount = JiwaDebtors },
        Qics = { CustomerCount = QicsCustomers },
        Weavy = { CustomerCount = WeavyCustomers },
        Microbizz = { TaskCount = MicrobizzTasks },
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public FaultOptions Faults(string system) => system switch
    {
        "severa" => Server.Severa.Faults,
        "jiwa" => Server.Jiwa.Faults,
        "qics" => Server.Qics.Faults,
        "weavy" => Server.Weavy.Faults,
        _ => Server.Microbizz.Faults,
    };

    public void Reset()
    {
        foreach (var system in new[] { "severa", "jiwa", "qics", "weavy", "microbizz" })
        {
            Faults(system).Reset();
        }

        Server.Requests.ClearWhenAnswered();
    }

    public IDictionary Variables() => new Hashtable
    {
        ["severaUri"] = Server.SeveraBaseUri,
        ["severaCred"] = SeveraSandboxFixture.Credential(),
        ["jiwaUri"] = Server.JiwaBaseUri,
        ["jiwaCred"] = SeveraSandboxFixture.Credential(SandboxCredentials.JiwaUserName, SandboxCredentials.JiwaPassword),
        ["qicsUri"] = Server.QicsBaseUri,
        ["qicsClientId"] = SandboxCredentials.QicsClientId,
        ["qicsSecret"] = QicsSandboxFixture.Secure(SandboxCredentials.QicsClientSecret),
        ["qicsKey"] = QicsSandboxFixture.Secure(SandboxCredentials.QicsApiKey),
        ["qicsTenant"] = SandboxCredentials.QicsTenantId,
        ["qicsRefresh"] = QicsSandboxFixture.Secure(Server.Qics.IssueRefreshToken()),
        ["weavyUri"] = Server.WeavyBaseUri,
        ["weavyCred"] = SeveraSandboxFixture.Credential(SandboxCredentials.WeavyUserName, SandboxCredentials.WeavyPassword),
        ["microbizzUri"] = Server.MicrobizzBaseUri,
        ["microbizzCred"] = SeveraSandboxFixture.Credential(SandboxCredentials.MicrobizzUserName, SandboxCredentials.MicrobizzPassword),
    };

    /// <summary>Per system: how to connect, a list read that pages (its id property), its page route, and the total.</summary>
    public static (string Connect, string List, string Path, int Total) System(string system) => system switch
    {
        "severa" => ("Connect-Severa -BaseUri $severaUri -Credential $severaCred -Scope customers:read", "Get-SeveraCustomer -PageSize 100 | ForEach-Object guid", "/customers", SeveraCustomers),
        "jiwa" => ("Connect-Jiwa -BaseUri $jiwaUri -Credential $jiwaCred", "Get-JiwaDebtor -PageSize 100 | ForEach-Object DebtorID", "/DebtorList", JiwaDebtors),
        "qics" => ("Connect-Qics -BaseUri $qicsUri -ClientId $qicsClientId -ClientSecret $qicsSecret -ApiKey $qicsKey -TenantId $qicsTenant -RefreshToken $qicsRefresh", "Get-QicsEntity OverviewCustomer -PageSize 100 | ForEach-Object CustomerId", "OverviewCustomer", QicsCustomers),
        "weavy" => ("Connect-Weavy -ProjectCode DEMO -Credential $weavyCred -BaseUri $weavyUri -CompanyCode C01", "Get-WeavyRecord customer -Property customer_ID -PageSize 100 | ForEach-Object customer_ID", "/Select", WeavyCustomers),
        _ => ("Connect-Microbizz -Credential $microbizzCred -BaseUri $microbizzUri", "Get-MicrobizzObject task | ForEach-Object task_id", "/task", MicrobizzTasks),
    };
}

/// <summary>
/// End to end through the engine and the sandbox's body faults: a page cut off mid-body costs no row and
/// repeats none, in every system's paging style; a body that is not what the route promises is a categorised error;
/// a huge error body is not read.
/// </summary>
public class HostileBodyTests : IClassFixture<HostileBodyFixture>
{
    private readonly HostileBodyFixture _sandbox;

    public HostileBodyTests(HostileBodyFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    private IReadOnlyList<LoggedRequest> Calls(string pathContains) =>
        _sandbox.Server.Requests.AnsweredSnapshot().Where(r => r.Path.Contains(pathContains, StringComparison.OrdinalIgnoreCase) && r.StatusCode != 429).ToList();

    public static TheoryData<string, int, long> Styles => new()
    {
        { "severa", 3, 9000 },      // header cursor (NextPageToken)
        { "jiwa", 4, 9000 },        // AutoQuery Skip/Take with Total
        { "qics", 2, 5000 },        // OData $top/$skip
        { "weavy", 5, 2000 },       // offset in a POST body (Select, a read)
        { "microbizz", 0, 150000 }, // one unpaged array, streamed
    };

    /// <summary>
    /// A page that ends inside its JSON (a clean end: the way a cut shows without framing) is read again by the pager
    /// itself: deterministic, so this proves the pager's re-read in every style.
    /// </summary>
    [Theory]
    [MemberData(nameof(Styles))]
    public void A_list_whose_page_ends_mid_body_delivers_every_row_exactly_once(string system, int skipPages, long cutAfter)
    {
        var (connect, list, path, total) = HostileBodyFixture.System(system);
        using var session = new PowerShellSession();
        session.RunOk(connect, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();
        _sandbox.Faults(system).Enqueue(new BodyFault(BodyFaultKind.Truncated, PathContains: path, SkipMatches: skipPages, Bytes: cutAfter));

        var result = session.Run("$VerbosePreference = 'Continue'; " + list);

        AssertEveryRowOnce(system, result, total);
        Assert.Contains(result.Verbose, line => line.Contains("broke off", StringComparison.Ordinal));
        // The broken page was asked for once more, with the same query.
        var calls = Calls(path);
        Assert.Equal(calls.Count, calls.Select(c => c.QueryString + c.Body).Distinct().Count() + 1);
    }

    /// <summary>The connection aborted mid-body (a reset): whichever layer meets it, no row is lost or repeated.</summary>
    [Theory]
    [MemberData(nameof(Styles))]
    public void A_list_whose_connection_is_cut_mid_page_delivers_every_row_exactly_once(string system, int skipPages, long cutAfter)
    {
        var (connect, list, path, total) = HostileBodyFixture.System(system);
        using var session = new PowerShellSession();
        session.RunOk(connect, _sandbox.Variables());
        _sandbox.Faults(system).Enqueue(new BodyFault(BodyFaultKind.CutOff, PathContains: path, SkipMatches: skipPages, Bytes: cutAfter));

        var result = session.Run(list);

        AssertEveryRowOnce(system, result, total);
    }

    private void AssertEveryRowOnce(string system, ScriptResult result, int total)
    {
        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        var ids = result.Output.Select(o => o.BaseObject.ToString()).ToList();
        Assert.Equal(total, ids.Count);
        Assert.Equal(total, ids.Distinct().Count());
        Assert.Equal(1, _sandbox.Faults(system).BodyFaultsFired);
    }

    [Fact]
    public void A_page_that_breaks_off_on_every_try_ends_the_list_with_a_categorised_error_naming_the_system_and_page()
    {
        var (connect, list, path, _) = HostileBodyFixture.System("jiwa");
        using var session = new PowerShellSession();
        session.RunOk(connect, _sandbox.Variables());
        for (int i = 0; i < 10; i++)
        {
            _sandbox.Faults("jiwa").Enqueue(new BodyFault(BodyFaultKind.Truncated, PathContains: path, SkipMatches: 2, Bytes: 3000));
        }

        var result = session.Run(list);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.True(error.FullyQualifiedErrorId.StartsWith("Jiwa.PageBrokenOff", StringComparison.Ordinal), error.Exception.ToString());
        Assert.Contains("Jiwa GET /Queries/DebtorList: page 3 (after 200 rows)", error.Exception.Message, StringComparison.Ordinal);
        var ids = result.Output.Select(o => o.BaseObject.ToString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.InRange(ids.Count, 200, 299);
    }

    [Fact]
    public void An_HTML_sign_in_page_with_200_to_a_record_read_is_a_categorised_error_not_a_string()
    {
        var (connect, _, _, _) = HostileBodyFixture.System("severa");
        using var session = new PowerShellSession();
        string guid = session.RunOk(connect + "; (Get-SeveraCustomer -First 1).guid", _sandbox.Variables()).Single().BaseObject.ToString()!;
        _sandbox.Faults("severa").Enqueue(new BodyFault(BodyFaultKind.Html, PathContains: "/customers/"));

        var result = session.Run($"Get-SeveraCustomer -Guid {guid}");

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.StartsWith("Severa.UnexpectedResponse", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("answered 200 with text/html", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Sign in - Corporate Web Proxy", error.Exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qics", BodyFaultKind.Html, "text/html")]
    [InlineData("jiwa", BodyFaultKind.NotJson, "not valid JSON")]
    [InlineData("weavy", BodyFaultKind.Deep, "nested deeper")]
    [InlineData("severa", BodyFaultKind.Empty, "empty where a list belongs")]
    [InlineData("microbizz", BodyFaultKind.Html, "Corporate Web Proxy")]
    public void A_list_answer_that_is_not_the_promised_JSON_is_a_categorised_error(string system, BodyFaultKind kind, string said)
    {
        var (connect, list, path, _) = HostileBodyFixture.System(system);
        using var session = new PowerShellSession();
        session.RunOk(connect, _sandbox.Variables());
        _sandbox.Faults(system).Enqueue(new BodyFault(kind, PathContains: path));

        var result = session.Run(list);

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains(".UnexpectedResponse", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains(" answered 200 with ", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(said, error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_record_answer_that_ends_inside_its_JSON_is_a_categorised_error()
    {
        var (connect, _, _, _) = HostileBodyFixture.System("microbizz");
        using var session = new PowerShellSession();
        string id = session.RunOk(connect + "; (Get-MicrobizzObject task -First 1).task_id", _sandbox.Variables()).Single().BaseObject.ToString()!;
        _sandbox.Faults("microbizz").Enqueue(new BodyFault(BodyFaultKind.Truncated, PathContains: "/task/", Bytes: 25));

        var result = session.Run($"Get-MicrobizzTask -Id {id}");

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("not valid JSON", error.Exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("severa")]
    [InlineData("microbizz")]
    public void A_byte_order_mark_before_the_JSON_is_accepted(string system)
    {
        var (connect, list, path, total) = HostileBodyFixture.System(system);
        using var session = new PowerShellSession();
        session.RunOk(connect, _sandbox.Variables());
        _sandbox.Faults(system).Enqueue(new BodyFault(BodyFaultKind.ByteOrderMark, PathContains: path));

        var ids = session.RunOk(list);

        Assert.Equal(total, ids.Select(o => o.BaseObject.ToString()).Distinct().Count());
        Assert.Equal(1, _sandbox.Faults(system).BodyFaultsFired);
    }

    [Fact]
    public void A_huge_error_body_is_read_only_up_to_the_cap()
    {
        var (connect, _, _, _) = HostileBodyFixture.System("severa");
        using var session = new PowerShellSession();
        session.RunOk(connect, _sandbox.Variables());
        const long Huge = 64L * 1024 * 1024;
        // A POST is not sent again after a 500, so one answer is all there is to read.
        _sandbox.Faults("severa").Enqueue(new BodyFault(BodyFaultKind.HugeError, Method: "POST", PathContains: "/customers", Bytes: Huge));

        var result = session.Run("Invoke-SeveraRequest -Method POST -Path customers -Body @{ name = 'Never created' } -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.True(error.Exception.Message.Length < 4000, "the message holds an excerpt, not the body");
        // What the server could write before the client closed: the cap, a drain, and the sockets' buffers; never the body.
        long sent = _sandbox.Faults("severa").HugeErrorBytesSent;
        Assert.True(sent < 24L * 1024 * 1024, $"{sent} of {Huge} bytes were sent");
    }
}

/// <summary>Issue 13, item 7: long id lists are read in several requests, each with a URL a server accepts.</summary>
public class LongIdListTests : IClassFixture<HostileBodyFixture>
{
    private readonly HostileBodyFixture _sandbox;

    public LongIdListTests(HostileBodyFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void Five_thousand_customer_numbers_go_in_several_short_URLs_and_each_customer_comes_once()
    {
        var (connect, _, _, _) = HostileBodyFixture.System("severa");
        using var session = new PowerShellSession();
        session.RunOk(connect, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        var result = session.Run("$VerbosePreference = 'Continue'; Get-SeveraCustomer -Number (10000..14999) | ForEach-Object number");

        Assert.Empty(result.Errors);
        var numbers = result.Output.Select(o => Convert.ToInt64(o.BaseObject, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(10000, HostileBodyFixture.SeveraCustomers).Select(n => (long)n), numbers.Order());
        var calls = _sandbox.Server.Requests.AnsweredSnapshot().Where(r => r.Method == "GET" && r.Path.EndsWith("/customers", StringComparison.Ordinal)).ToList();
        Assert.True(calls.Count > 10, $"{calls.Count} requests");
        Assert.All(calls, call => Assert.True(call.Path.Length + call.QueryString.Length < 2048, $"{call.Path.Length + call.QueryString.Length} characters"));
        Assert.Contains(result.Verbose, line => line.Contains("too long for one request", StringComparison.Ordinal));
    }

    [Fact]
    public void A_long_AutoQuery_In_list_is_split_too()
    {
        var (connect, _, _, _) = HostileBodyFixture.System("jiwa");
        using var session = new PowerShellSession();
        var all = session.RunOk(connect + "; Get-JiwaDebtor -PageSize 500 | ForEach-Object DebtorID", _sandbox.Variables()).Select(o => o.BaseObject.ToString()!).ToList();
        _sandbox.Server.Requests.ClearWhenAnswered();
        var vars = _sandbox.Variables();
        vars["ids"] = all.ToArray();

        var ids = session.RunOk("Get-JiwaDebtor -Filter @{ DebtorIDIn = $ids } | ForEach-Object DebtorID", vars).Select(o => o.BaseObject.ToString()).ToList();

        Assert.Equal(all.Order(), ids.Order());
        var calls = _sandbox.Server.Requests.AnsweredSnapshot().Where(r => r.Path.Contains("DebtorList", StringComparison.Ordinal)).ToList();
        Assert.True(calls.Count > 1);
        Assert.All(calls, call => Assert.True(call.Path.Length + call.QueryString.Length < 2048));
    }
}
