using System.Collections;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

public class JiwaReadTests : IClassFixture<JiwaSandboxFixture>
{
    private readonly JiwaSandboxFixture _sandbox;

    public JiwaReadTests(JiwaSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    [Fact]
    public void Connect_shows_user_server_and_kind_and_never_the_password_or_session()
    {
        using var session = new PowerShellSession();
        var result = session.Run(JiwaSandboxFixture.Connect + " -PassThru -Verbose -Debug; Get-JiwaDebtor -First 2 -Verbose -Debug; Get-JiwaConnection", _sandbox.Variables());

        Assert.Null(result.Terminating);
        Assert.Empty(result.Errors);
        var connection = result.Output[0].BaseObject;
        Assert.Equal("api", result.Output[0].Properties["UserName"].Value);
        Assert.Equal("Credential", result.Output[0].Properties["AuthenticationKind"].Value.ToString());
        Assert.Equal(_sandbox.Server.JiwaBaseUri, result.Output[0].Properties["BaseUri"].Value);
        Assert.Same(connection, result.Output[^1].BaseObject);
        string sessionId = _sandbox.Calls("GET", "/Debtors").Concat(_sandbox.Calls("GET", "/Queries/")).First().Headers["X-ss-id"];
        Assert.False(string.IsNullOrEmpty(sessionId));
        string everything = string.Join("\n", result.Verbose.Concat(result.Debug).Concat(result.Output.Select(o => string.Join(" ", o.Properties.Select(p => $"{p.Name}={p.Value}")))));
        Assert.Contains(result.Verbose, line => line.StartsWith("Jiwa GET /jiwa/Queries/DebtorList", StringComparison.Ordinal) && line.Contains("-> 200", StringComparison.Ordinal));
        Assert.DoesNotContain(SandboxCredentials.JiwaPassword, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(sessionId, everything, StringComparison.Ordinal);
        Assert.All(_sandbox.Server.Requests.AnsweredSnapshot(), r => Assert.DoesNotContain("password", r.QueryString, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_wrong_password_fails_Connect_with_the_server_message()
    {
        using var session = new PowerShellSession();
        var result = session.Run(JiwaSandboxFixture.Connect, _sandbox.Variables(password: "wrong"));

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("Invalid UserName or Password", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(session.RunOk("Get-JiwaConnection"));
    }

    [Fact]
    public void An_api_key_connects_and_a_revoked_one_is_a_clear_terminating_error()
    {
        using var session = new PowerShellSession();
        var debtors = session.RunOk("Connect-Jiwa -BaseUri $uri -ApiKey $key; Get-JiwaDebtor -First 3", _sandbox.Variables());
        Assert.Equal(3, debtors.Count);
        Assert.Empty(_sandbox.Calls("POST", "/auth"));
        Assert.Equal($"Bearer {SandboxCredentials.JiwaApiKey}", _sandbox.Calls("GET", "/Queries/DebtorList").Single().Headers["Authorization"]);

        var refused = session.Run("Connect-Jiwa -BaseUri $uri -ApiKey $revoked", _sandbox.Variables());
        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(refused.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("expired or revoked", error.Exception.Message + error.ErrorDetails?.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void The_silent_Take_cap_does_not_lose_rows()
    {
        using var session = new PowerShellSession();
        var ids = session.RunOk(JiwaSandboxFixture.Connect + "; Get-JiwaDebtor -PageSize 500 | ForEach-Object DebtorID", _sandbox.Variables());

        Assert.Equal(JiwaSandboxFixture.Debtors, ids.Count);
        Assert.Equal(JiwaSandboxFixture.Debtors, ids.Select(i => (string)i.BaseObject).Distinct().Count());
        var pages = _sandbox.Calls("GET", "/Queries/DebtorList");
        Assert.Equal(25, pages.Count); // 100 rows a page: the cap, not the 500 asked for
        Assert.All(pages, p => Assert.Equal("500", p.QueryValue("Take")));
    }

    [Fact]
    public void A_session_expiring_mid_stream_is_renewed_once_and_every_debtor_comes_once()
    {
        using var session = new PowerShellSession();
        session.RunOk(JiwaSandboxFixture.Connect, _sandbox.Variables());
        int loginsBefore = _sandbox.Server.Jiwa.LoginRequests;

        // The script expires every session on the server after 250 debtors have reached the pipeline.
        var ids = session.RunOk(@"
            $n = 0
            Get-JiwaDebtor -PageSize 100 | ForEach-Object { $n++; if ($n -eq 250) { $sandbox.ExpireSessions() }; $_.DebtorID }", _sandbox.Variables());

        Assert.Equal(JiwaSandboxFixture.Debtors, ids.Count);
        Assert.Equal(JiwaSandboxFixture.Debtors, ids.Select(i => (string)i.BaseObject).Distinct().Count());
        Assert.Equal(loginsBefore + 1, _sandbox.Server.Jiwa.LoginRequests);
        Assert.Single(_sandbox.Calls("GET", "/Queries/DebtorList"), r => r.StatusCode == 401);
    }

    [Fact]
    public void Filters_and_order_go_to_the_server_and_First_fetches_one_page()
    {
        using var session = new PowerShellSession();
        var debtors = session.RunOk(JiwaSandboxFixture.Connect + "; Get-JiwaDebtor -Filter @{ NameStartsWith = 'A'; AccountOnHold = $false } -OrderBy Name -Descending", _sandbox.Variables());

        Assert.NotEmpty(debtors);
        Assert.All(debtors, d => Assert.StartsWith("A", (string)d.Properties["Name"].Value, StringComparison.OrdinalIgnoreCase));
        Assert.All(debtors, d => Assert.False((bool)d.Properties["AccountOnHold"].Value));
        var names = debtors.Select(d => (string)d.Properties["Name"].Value).ToList();
        Assert.Equal(names.OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase), names);
        var first = _sandbox.Calls("GET", "/Queries/DebtorList")[0];
        Assert.Equal("A", first.QueryValue("NameStartsWith"));
        Assert.Equal("false", first.QueryValue("AccountOnHold"));
        Assert.Equal("Name", first.QueryValue("OrderByDesc"));

        _sandbox.Server.Requests.ClearWhenAnswered();
        var ten = session.RunOk("Get-JiwaDebtor -First 10 -Skip 5");
        Assert.Equal(10, ten.Count);
        var only = Assert.Single(_sandbox.Calls("GET", "/Queries/DebtorList"));
        Assert.Equal("10", only.QueryValue("Take"));
        Assert.Equal("5", only.QueryValue("Skip"));
    }

    [Fact]
    public void A_bad_filter_key_is_refused_before_anything_is_sent()
    {
        using var session = new PowerShellSession();
        session.RunOk(JiwaSandboxFixture.Connect, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        var result = session.Run("Get-JiwaDebtor -Filter @{ Take = 5 }");

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("Take", error.TargetObject);
        Assert.Empty(_sandbox.Server.Requests.AnsweredSnapshot());
    }

    [Fact]
    public void An_unknown_filter_field_is_the_server_message()
    {
        using var session = new PowerShellSession();
        var result = session.Run(JiwaSandboxFixture.Connect + "; Get-JiwaDebtor -Filter @{ ShoeSizeGreaterThan = 5 }", _sandbox.Variables());

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("ShoeSize", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_id_among_many_is_ObjectNotFound_naming_it_and_the_rest_continue()
    {
        using var session = new PowerShellSession();
        var ids = session.RunOk(JiwaSandboxFixture.Connect + "; Get-JiwaDebtor -First 2 | ForEach-Object DebtorID", _sandbox.Variables()).Select(i => (string)i.BaseObject).ToArray();

        var result = session.Run("$ids[0], 'NOSUCHDEBTOR000001', $ids[1] | ForEach-Object { [pscustomobject]@{ DebtorID = $_ } } | Get-JiwaDebtor", new Hashtable { ["ids"] = ids });

        Assert.Equal(ids, result.Output.Select(d => JiwaSandboxFixture.Id(d, "DebtorID")));
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("NOSUCHDEBTOR000001", error.TargetObject);
        Assert.Contains("NOSUCHDEBTOR000001", error.Exception.Message, StringComparison.Ordinal);
        Assert.All(result.Output, d => Assert.Equal("ErpConnectors.Jiwa.Debtor", d.TypeNames[0]));
    }

    [Fact]
    public void An_inventory_id_answered_with_204_is_ObjectNotFound()
    {
        using var session = new PowerShellSession();
        var result = session.Run(JiwaSandboxFixture.Connect + "; Get-JiwaInventory -InventoryID 'NOSUCHITEM'; Get-JiwaInventory -First 1", _sandbox.Variables());

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("NOSUCHITEM", error.TargetObject);
        Assert.Single(result.Output);
        Assert.Equal("ErpConnectors.Jiwa.Inventory", result.Output[0].TypeNames[0]);
    }

    [Fact]
    public void A_debtor_pipes_into_its_transactions_and_sales_orders()
    {
        using var session = new PowerShellSession();
        var result = session.RunOk(JiwaSandboxFixture.Connect + @"
            $debtor = Get-JiwaSalesOrder -First 1 | Get-JiwaDebtor
            $transactions = @($debtor | Get-JiwaDebtorTransaction)
            $orders = @($debtor | Get-JiwaSalesOrder)
            $debtor.DebtorID, $transactions.Count, $orders.Count, @($transactions | Where-Object DebtorID -ne $debtor.DebtorID).Count, @($orders | Where-Object DebtorID -ne $debtor.DebtorID).Count", _sandbox.Variables());

        Assert.True((int)result[2].BaseObject > 0);
        Assert.Equal(0, (int)result[3].BaseObject);
        Assert.Equal(0, (int)result[4].BaseObject);
        Assert.Equal((string)result[0].BaseObject, _sandbox.Calls("GET", "/Queries/SalesOrderList")[^1].QueryValue("DebtorID"));
    }

    [Fact]
    public void Invoke_JiwaRequest_All_pages_any_AutoQuery_list()
    {
        using var session = new PowerShellSession();
        var items = session.RunOk(JiwaSandboxFixture.Connect + "; Invoke-JiwaRequest -Path Queries/InventoryItemList -Query @{ OrderBy = 'PartNo' } -All -PageSize 1000", _sandbox.Variables());

        Assert.Equal(300, items.Count);
        Assert.Equal(300, items.Select(i => JiwaSandboxFixture.Id(i, "InventoryID")).Distinct().Count());
        Assert.Equal(3, _sandbox.Calls("GET", "/Queries/InventoryItemList").Count);
    }

    [Fact]
    public void A_piped_order_is_read_again_by_its_id_not_listed_by_its_debtor()
    {
        using var session = new PowerShellSession();
        var result = session.RunOk(JiwaSandboxFixture.Connect + "; $order = Get-JiwaSalesOrder -First 1; $again = @($order | Get-JiwaSalesOrder); $order.InvoiceID; $again.Count; $again[0].InvoiceID", _sandbox.Variables());

        Assert.Equal(1, result[1].BaseObject);
        Assert.Equal(result[0].BaseObject, result[2].BaseObject);
    }
}
