using System.Diagnostics;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

public class SeveraStreamingTests : IClassFixture<SeveraSandboxFixture>
{
    private readonly SeveraSandboxFixture _sandbox;

    public SeveraStreamingTests(SeveraSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    private static HashSet<string> Guids(IEnumerable<PSObject> records) =>
        records.Select(r => (string)r.Properties["guid"].Value).ToHashSet();

    [Fact]
    public void Every_customer_streams_exactly_once_across_token_pages()
    {
        using var session = new PowerShellSession();
        var customers = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraCustomer", _sandbox.Variables());

        Assert.Equal(SeveraSandboxFixture.Customers, customers.Count);
        Assert.Equal(SeveraSandboxFixture.Customers, Guids(customers).Count);
        Assert.All(customers, c => Assert.Equal("ErpConnectors.Severa.Customer", c.TypeNames[0]));
        var pages = _sandbox.Calls("GET", "/customers");
        Assert.Equal(3, pages.Count); // 1000 + 1000 + 500
        Assert.Null(pages[0].QueryValue("pageToken"));
        Assert.All(pages.Skip(1), p => Assert.NotNull(p.QueryValue("pageToken")));
        Assert.All(pages, p => Assert.Equal("1000", p.QueryValue("rowCount")));
    }

    [Fact]
    public void Streaming_survives_token_expiry_and_injected_429s_with_every_row_exactly_once()
    {
        using var session = new PowerShellSession();
        _sandbox.Server.Severa.Faults.Enqueue(new InjectedFault(429, "GET", "/customers", SkipMatches: 3));
        _sandbox.Server.Severa.Faults.Enqueue(new InjectedFault(429, "GET", "/customers", SkipMatches: 10));
        int refreshesBefore = _sandbox.Server.Severa.RefreshRequests;

        // The server expires every token mid-stream (after 950 rows have reached the pipeline).
        var customers = session.RunOk(
            SeveraSandboxFixture.Connect + "; $n = 0; Get-SeveraCustomer -PageSize 100 | ForEach-Object { if (++$n -eq 950) { $sandbox.ExpireAccessTokens() }; $_ }",
            _sandbox.Variables());

        Assert.Equal(SeveraSandboxFixture.Customers, customers.Count);
        Assert.Equal(SeveraSandboxFixture.Customers, Guids(customers).Count);
        var calls = _sandbox.Calls("GET", "/customers");
        Assert.Equal(2, calls.Count(c => c.StatusCode == 429));
        Assert.Contains(calls, c => c.StatusCode == 401);
        Assert.Equal(refreshesBefore + 1, _sandbox.Server.Severa.RefreshRequests); // one re-authentication
        Assert.Equal(25, calls.Count(c => c.StatusCode == 200));
    }

    [Fact]
    public void Requests_are_paced_to_the_fair_use_limit_of_10_per_second()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect, _sandbox.Variables());
        var clock = Stopwatch.StartNew();
        var customers = session.RunOk("Get-SeveraCustomer -PageSize 10 -First 300");
        clock.Stop();

        // 30 pages at no more than 10 requests in any second cannot take less than two seconds.
        Assert.Equal(300, Guids(customers).Count);
        Assert.Equal(30, _sandbox.Calls("GET", "/customers").Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"30 requests took only {clock.Elapsed}");
    }

    [Fact]
    public void First_10_fetches_one_page_of_10()
    {
        using var session = new PowerShellSession();
        var customers = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraCustomer -First 10", _sandbox.Variables());

        Assert.Equal(10, customers.Count);
        var call = Assert.Single(_sandbox.Calls("GET", "/customers"));
        Assert.Equal("10", call.QueryValue("rowCount"));
    }

    [Fact]
    public void Skip_and_First_on_a_row_paged_list_go_to_the_wire()
    {
        using var session = new PowerShellSession();
        var all = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraContactPerson -First 30", _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();
        var later = session.RunOk("Get-SeveraContactPerson -Skip 20 -First 10");

        Assert.Equal(Guids(all.Skip(20)), Guids(later));
        var call = Assert.Single(_sandbox.Calls("GET", "/contactpersons"));
        Assert.Equal("20", call.QueryValue("firstRow"));
    }

    [Fact]
    public void Row_paged_lists_ask_the_documented_maximum_and_page_until_an_empty_page()
    {
        using var session = new PowerShellSession();
        var contacts = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraContactPerson", _sandbox.Variables());

        Assert.Equal(_sandbox.Server.Severa.Data.ContactPersonCount, Guids(contacts).Count);
        var calls = _sandbox.Calls("GET", "/contactpersons");
        Assert.All(calls, c => Assert.Equal("100", c.QueryValue("rowCount")));
        Assert.Equal(Enumerable.Range(0, calls.Count).Select(i => (i * 100).ToString()), calls.Select(c => c.QueryValue("firstRow") ?? "0"));
        Assert.Equal((contacts.Count / 100) + 1, calls.Count);
    }

    [Fact]
    public void Filters_reach_the_wire_in_the_vendors_format()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraCustomer -ChangedSince ([datetimeoffset]'2024-02-01T10:00:00+02:00') -IsActive $false -Number 12, 13 -First 5", _sandbox.Variables());

        var call = Assert.Single(_sandbox.Calls("GET", "/customers"));
        Assert.Equal("2024-02-01T08:00:00.000Z", call.QueryValue("changedSince"));
        Assert.Equal("false", call.QueryValue("isActive"));
        Assert.Equal(new[] { "12", "13" }, call.QueryValues("numbers"));
    }

    [Fact]
    public void Changed_since_returns_only_rows_changed_at_or_after_the_date()
    {
        using var session = new PowerShellSession();
        var all = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraCustomer", _sandbox.Variables());
        var stamps = all.Select(c => (DateTimeOffset)c.Properties["lastUpdatedDateTime"].Value).OrderBy(d => d).ToList();
        DateTimeOffset since = stamps[stamps.Count / 2];

        var changed = session.RunOk("Get-SeveraCustomer -ChangedSince $since", new System.Collections.Hashtable { ["since"] = since });

        Assert.Equal(stamps.Count(s => s >= since), changed.Count);
        Assert.All(changed, c => Assert.True((DateTimeOffset)c.Properties["lastUpdatedDateTime"].Value >= since));
    }

    [Fact]
    public void Records_are_PowerShell_values_dates_numbers_and_nested_objects()
    {
        using var session = new PowerShellSession();
        var customer = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraCustomer -First 1", _sandbox.Variables()).Single();

        Assert.IsType<DateTimeOffset>(customer.Properties["lastUpdatedDateTime"].Value);
        Assert.IsType<int>(customer.Properties["number"].Value);
        Assert.IsType<bool>(customer.Properties["isActive"].Value);
        var address = Assert.IsType<PSObject>(customer.Properties["headquarterAddress"].Value);
        Assert.NotNull(address.Properties["city"]);
    }

    [Fact]
    public void A_records_type_names_and_properties_change_for_that_record_only()
    {
        // Records of a kind share one read-only type-name list until one is changed (RecordFactory).
        using var session = new PowerShellSession();
        var results = session.RunOk(SeveraSandboxFixture.Connect + @"
            $r = @(Get-SeveraCustomer -First 2)
            $r[0].PSTypeNames.Insert(0, 'My.Own.View')
            $r[0].name = 'Renamed'
            $r[0].PSObject.Properties.Add([psnoteproperty]::new('extra', 42))
            $r[0].PSTypeNames[0]
            $r[1].PSTypeNames[0]
            (Get-SeveraCustomer -First 1).PSTypeNames[0]
            @($r | Where-Object { $_.name -eq 'Renamed' }).Count
            @($r | Where-Object { $_.extra -eq 42 }).Count
            $r[1].name -ne 'Renamed'", _sandbox.Variables());

        Assert.Equal(
            ["My.Own.View", "ErpConnectors.Severa.Customer", "ErpConnectors.Severa.Customer", 1, 1, true],
            results.Select(r => r.BaseObject));
    }

    [Fact]
    public void Stopping_the_pipeline_mid_request_returns_promptly_and_fetches_nothing_more()
    {
        using var session = new PowerShellSession();
        session.RunOk(SeveraSandboxFixture.Connect, _sandbox.Variables());
        _sandbox.Server.Severa.Faults.Latency = TimeSpan.FromSeconds(20);
        try
        {
            using var shell = PowerShell.Create();
            shell.Runspace = session.Runspace;
            shell.AddScript("Get-SeveraCustomer -PageSize 100");
            int before = _sandbox.Server.Requests.Arrived;
            var running = shell.BeginInvoke();
            var clock = Stopwatch.StartNew();
            while (_sandbox.Server.Requests.Arrived == before && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(20); // the first page's request is held by the latency: in flight
            }

            Assert.Equal(before + 1, _sandbox.Server.Requests.Arrived);
            clock.Restart();
            shell.Stop();
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Stop took {clock.Elapsed}");
            Assert.True(running.IsCompleted);

            // The aborted request is logged once the sandbox notices the client has gone; nothing else arrives.
            clock.Restart();
            while (_sandbox.Calls("GET", "/customers").Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(20);
            }

            Thread.Sleep(300);
            Assert.Single(_sandbox.Calls("GET", "/customers"));
            Assert.Equal(before + 1, _sandbox.Server.Requests.Arrived);
        }
        finally
        {
            _sandbox.Server.Severa.Faults.Latency = TimeSpan.Zero;
        }
    }

    [Fact]
    public void A_pipeline_that_stops_consuming_stops_the_pager()
    {
        using var session = new PowerShellSession();
        // `break` out of the enclosing loop ends the pipeline from downstream after 5 records, as Select-Object
        // -First 5 does: the exception surfaces inside the cmdlet's WriteObject.
        var result = session.Run(
            SeveraSandboxFixture.Connect + "; $n = 0; foreach ($once in 1) { Get-SeveraCustomer -PageSize 100 | ForEach-Object { if (++$n -gt 5) { break }; $_ } }",
            _sandbox.Variables());

        Assert.Null(result.Terminating);
        Assert.Equal(5, result.Output.Count);
        Thread.Sleep(500);
        var calls = _sandbox.Calls("GET", "/customers");
        Assert.True(calls.Count <= 2, "at most the current page and the one read ahead, not: " + string.Join(", ", calls));
    }

    [Fact]
    public void A_slow_pipeline_that_stops_inside_the_first_page_leaves_no_more_than_the_next_page_requested()
    {
        using var session = new PowerShellSession();
        // A consumer slower than the server: before the pager waited for the pipeline, it finished page 1 into the
        // buffer, then asked for page 3 as soon as page 2's headers came, while the consumer was still on page 1.
        var result = session.Run(
            SeveraSandboxFixture.Connect + "; $n = 0; foreach ($once in 1) { Get-SeveraCustomer -PageSize 100 | ForEach-Object { [System.Threading.Thread]::Sleep(5); if (++$n -gt 80) { break }; $_ } }",
            _sandbox.Variables());

        Assert.Null(result.Terminating);
        Assert.Equal(80, result.Output.Count);
        var calls = _sandbox.Calls("GET", "/customers");
        Assert.True(calls.Count <= 2, "page 1 and the one read ahead, not: " + string.Join(", ", calls));
    }

    [Fact]
    public void Verbose_shows_one_line_per_call_and_debug_never_shows_a_secret()
    {
        using var session = new PowerShellSession();
        var result = session.Run(SeveraSandboxFixture.Connect + " -Verbose -Debug; Get-SeveraCustomer -First 3 -Verbose -Debug", _sandbox.Variables());
        Assert.Null(result.Terminating);

        Assert.Contains(result.Verbose, v => v.StartsWith("Severa GET /", StringComparison.Ordinal) && v.Contains("/customers?rowCount=3") && v.Contains("-> 200") && v.Contains(" ms"));
        Assert.Contains(result.Verbose, v => v.StartsWith("Severa POST /", StringComparison.Ordinal) && v.Contains("/token -> 200"));
        Assert.NotEmpty(result.Debug);
        string everything = string.Join("\n", result.Verbose.Concat(result.Debug));
        Assert.DoesNotContain(SandboxCredentials.SeveraClientSecret, everything);
        foreach (var call in _sandbox.Server.Requests.AnsweredSnapshot())
        {
            if (call.Headers.TryGetValue("Authorization", out string? bearer))
            {
                Assert.DoesNotContain(bearer.Substring("Bearer ".Length), everything);
            }
        }

        foreach (var token in _sandbox.Calls("POST", "/token"))
        {
            // The token answer's body (access and refresh tokens) is never logged.
            Assert.DoesNotContain("refresh_token\":\"", everything);
        }
    }
}
