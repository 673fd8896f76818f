using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

public class QicsDataTests : IClassFixture<QicsSandboxFixture>
{
    private readonly QicsSandboxFixture _sandbox;

    public QicsDataTests(QicsSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void A_query_pages_past_the_50_row_default_to_the_end()
    {
        using var session = new PowerShellSession();
        var ids = session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + "; Get-QicsEntity OverviewCustomer -PageSize 100 | ForEach-Object CustomerId", _sandbox.Variables());

        Assert.Equal(QicsSandboxFixture.Customers, ids.Count);
        Assert.Equal(QicsSandboxFixture.Customers, ids.Select(i => i.BaseObject).Distinct().Count());
        var pages = _sandbox.Calls("GET", "/V3/odata/OverviewCustomer");
        Assert.Equal(6, pages.Count); // five full pages, then the empty one that ends the list
        Assert.All(pages, p => Assert.Equal("100", p.QueryValue("$top")));
        Assert.Equal(new[] { null, "100", "200", "300", "400", "500" }, pages.Select(p => p.QueryValue("$skip")));
    }

    [Fact]
    public void A_server_that_caps_top_silently_still_gives_every_row()
    {
        _sandbox.Server.Qics.Options.SilentTopCap = 60; // the guide names no maximum: fewer rows than asked, no nextLink
        using var session = new PowerShellSession();
        var ids = session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + "; Get-QicsEntity OverviewCustomer -PageSize 100 | ForEach-Object CustomerId", _sandbox.Variables());

        Assert.Equal(QicsSandboxFixture.Customers, ids.Select(i => i.BaseObject).Distinct().Count());
        var pages = _sandbox.Calls("GET", "/V3/odata/OverviewCustomer");
        Assert.Equal(new[] { null, "60", "120" }, pages.Take(3).Select(p => p.QueryValue("$skip")));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Server_driven_nextLinks_and_bare_arrays_are_followed_too(bool nextLinks, bool bareArrays)
    {
        _sandbox.Server.Qics.UseNextLinks = nextLinks;
        _sandbox.Server.Qics.BareArrays = bareArrays;
        using var session = new PowerShellSession();
        var rows = session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + "; Get-QicsEntity OverviewCustomer | ForEach-Object CustomerId", _sandbox.Variables());

        Assert.Equal(QicsSandboxFixture.Customers, rows.Select(r => r.BaseObject).Distinct().Count());
    }

    [Fact]
    public void Filter_order_and_select_go_to_the_server_as_OData()
    {
        using var session = new PowerShellSession();
        var rows = session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + "; Get-QicsEntity OverviewCustomer -Filter \"IsActive eq true and CustomerId le 40\" -OrderBy 'Name desc' -Property CustomerId, Name -First 5", _sandbox.Variables());

        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(new[] { "CustomerId", "Name" }, r.Properties.Select(p => p.Name)));
        Assert.All(rows, r => Assert.Equal("ErpConnectors.Qics.OverviewCustomer", r.TypeNames[0]));
        var names = rows.Select(r => (string)r.Properties["Name"].Value).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.Ordinal), names);
        var call = Assert.Single(_sandbox.Calls("GET", "/V3/odata/OverviewCustomer"));
        Assert.Equal("IsActive eq true and CustomerId le 40", call.QueryValue("$filter"));
        Assert.Equal("5", call.QueryValue("$top"));
    }

    [Fact]
    public void A_bad_filter_is_the_servers_400_message()
    {
        using var session = new PowerShellSession();
        var result = session.Run(QicsSandboxFixture.ConnectWithRefreshToken + "; Get-QicsEntity OverviewCustomer -Filter \"Nmae eq 'x'\"", _sandbox.Variables());

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("Nmae", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detail_records_are_created_changed_read_and_removed()
    {
        using var session = new PowerShellSession();
        var result = session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + @"
            $created = New-QicsEntity Customer @{ Code = 'T-1'; Name = 'Test BV'; City = 'Utrecht' }
            $created | Set-QicsEntity Customer -Property @{ City = 'Delft' }
            $read = Get-QicsEntity Customer -Id $created.CustomerId
            $read.City; $read.Name
            Set-QicsEntity Customer -Id $created.CustomerId -Property @{ Email = 'info@test.example' } -PassThru | ForEach-Object Email
            Get-QicsEntity OverviewCustomer -Filter ""CustomerId eq $($created.CustomerId)"" | Remove-QicsEntity Customer -Confirm:$false
            @(Get-QicsEntity Customer -Id $created.CustomerId -ErrorAction SilentlyContinue -ErrorVariable missing).Count
            $missing[0].CategoryInfo.Category", _sandbox.Variables());

        Assert.Equal("Delft", result[0].BaseObject);
        Assert.Equal("Test BV", result[1].BaseObject);
        Assert.Equal("info@test.example", result[2].BaseObject);
        Assert.Equal(0, result[3].BaseObject);
        Assert.Equal(ErrorCategory.ObjectNotFound, result[4].BaseObject);
        Assert.Equal(2, _sandbox.Calls("PATCH", "/V3/odata/Customer(").Count);
        Assert.Single(_sandbox.Calls("DELETE", "/V3/odata/Customer("));
    }

    [Fact]
    public void A_token_expiring_mid_stream_is_refreshed_once_and_the_newest_refresh_token_is_handed_back()
    {
        using var session = new PowerShellSession();
        session.RunOk(QicsSandboxFixture.ConnectWithRefreshToken, _sandbox.Variables());
        int refreshes = _sandbox.Server.Qics.RefreshRequests;

        var ids = session.RunOk(@"
            $n = 0
            Get-QicsEntity OverviewCustomer -PageSize 50 | ForEach-Object { $n++; if ($n -eq 120) { $sandbox.ExpireAccessTokens() }; $_.CustomerId }", _sandbox.Variables());

        Assert.Equal(QicsSandboxFixture.Customers, ids.Select(i => i.BaseObject).Distinct().Count());
        Assert.Equal(QicsSandboxFixture.Customers, ids.Count);
        Assert.Equal(refreshes + 1, _sandbox.Server.Qics.RefreshRequests);
        Assert.Equal(2, session.RunOk("(Get-QicsConnection).RefreshCount")[0].BaseObject);

        // The refresh token the connection holds now is the live one: a new connection made with it works.
        var variables = _sandbox.Variables();
        variables["refresh"] = session.RunOk("(Get-QicsConnection).RefreshToken")[0].BaseObject;
        using var next = new PowerShellSession();
        Assert.Single(next.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + "; Get-QicsEntity OverviewCustomer -First 1", variables));
    }

    [Fact]
    public void Two_pipelines_sharing_a_connection_refresh_once()
    {
        using var first = new PowerShellSession();
        var connection = first.RunOk(QicsSandboxFixture.ConnectWithRefreshToken + " -PassThru", _sandbox.Variables())[0];
        using var second = new PowerShellSession();
        int refreshes = _sandbox.Server.Qics.RefreshRequests;
        int rejected = _sandbox.Server.Qics.RejectedRefreshes;
        _sandbox.Server.Qics.ExpireAccessTokens();

        var counts = new[] { first, second }.AsParallel().Select(s => s.RunOk("@(Get-QicsEntity OverviewCustomer -PageSize 100 -Connection $c).Count", new Hashtable { ["c"] = connection })[0].BaseObject).ToList();

        Assert.All(counts, c => Assert.Equal(QicsSandboxFixture.Customers, c));
        Assert.Equal(refreshes + 1, _sandbox.Server.Qics.RefreshRequests);
        Assert.Equal(rejected, _sandbox.Server.Qics.RejectedRefreshes);
    }
}
