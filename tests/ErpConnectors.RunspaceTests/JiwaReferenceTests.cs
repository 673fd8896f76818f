using System.Management.Automation;

namespace ErpConnectors.RunspaceTests;

/// <summary>
/// What the published Jiwa references (JiwaFinancials/JiwaMCPServer, JiwaAPITests, RosedaleCustomerPortal) say
/// and the guide did not: the line routes, the quote list's legacy names, the change feed, the line DTO's fields.
/// </summary>
public class JiwaReferenceTests : IClassFixture<JiwaSandboxFixture>
{
    private readonly JiwaSandboxFixture _sandbox;

    public JiwaReferenceTests(JiwaSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    private const string Targets = JiwaSandboxFixture.Connect + @"
        $debtor = Get-JiwaDebtor -Filter @{ AccountOnHold = $false } -First 1
        $part = Get-JiwaInventory -First 1";

    [Theory]
    [InlineData("SalesOrder", "InvoiceID", "InvoiceLineID", "/SalesOrders/")]
    [InlineData("SalesQuote", "QuoteID", "QuoteLineID", "/SalesQuotes/")]
    public void Lines_are_added_changed_and_removed_one_by_one_through_the_history(string kind, string id, string lineId, string route)
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());

        var result = session.RunOk($@"
            $doc = New-Jiwa{kind} -DebtorID $debtor.DebtorID -Line @{{ PartNo = $part.PartNo; QuantityOrdered = 1 }} -Confirm:$false
            $added = $doc | Add-Jiwa{kind}Line -Line @{{ PartNo = $part.PartNo; QuantityOrdered = 3; Price = 7.25 }}, @{{ CommentLine = $true; CommentText = 'Before noon' }} -Confirm:$false
            $changed = $added[0] | Set-Jiwa{kind}Line -{id} $doc.{id} -Property @{{ QuantityOrdered = 8 }} -PassThru -Confirm:$false
            $added[1] | Remove-Jiwa{kind}Line -{id} $doc.{id} -Confirm:$false
            $after = Get-Jiwa{kind} -{id} $doc.{id}
            $added.Count; $changed.QuantityOrdered; $changed.DiscountedPrice; $after.Lines.Count; $added[0].PSTypeNames[0]", _sandbox.Variables());

        Assert.Equal(2, result[0].BaseObject);
        Assert.Equal(8m, Convert.ToDecimal(result[1].BaseObject));
        Assert.Equal(7.25m, Convert.ToDecimal(result[2].BaseObject));
        Assert.Equal(2, result[3].BaseObject);
        Assert.Equal($"ErpConnectors.Jiwa.{kind}Line", result[4].BaseObject);
        Assert.Equal(2, _sandbox.Calls("POST", "/Lines").Count(r => r.Path.Contains(route, StringComparison.Ordinal)));
        Assert.Single(_sandbox.Calls("PATCH", "/Lines/"));
        Assert.Single(_sandbox.Calls("DELETE", "/Lines/"));
        Assert.All(_sandbox.Calls("PATCH", "/Lines/"), r => Assert.Contains("/Historys/", r.Path, StringComparison.Ordinal));
        _ = lineId;
    }

    [Fact]
    public void A_line_cmdlet_given_the_history_id_does_not_read_the_document_first()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());
        var order = Assert.Single(session.RunOk("New-JiwaSalesOrder -DebtorID $debtor.DebtorID -Line @{ PartNo = $part.PartNo; QuantityOrdered = 1 } -Confirm:$false"));
        string invoiceId = JiwaSandboxFixture.Id(order, "InvoiceID");
        string historyId = (string)((PSObject)((object[])order.Properties["Histories"].Value)[0]).Properties["InvoiceHistoryID"].Value;
        _sandbox.Server.Requests.ClearWhenAnswered();

        session.RunOk($"Add-JiwaSalesOrderLine -InvoiceID '{invoiceId}' -InvoiceHistoryID '{historyId}' -Line @{{ PartNo = $part.PartNo; QuantityOrdered = 2 }} -Confirm:$false", _sandbox.Variables());

        Assert.Empty(_sandbox.Calls("GET", "/SalesOrders/"));
        Assert.Single(_sandbox.Calls("POST", $"/Historys/{historyId}/Lines"));
    }

    [Fact]
    public void A_line_in_no_history_is_ObjectNotFound_and_nothing_is_sent()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());
        session.RunOk("$order = New-JiwaSalesOrder -DebtorID $debtor.DebtorID -Line @{ PartNo = $part.PartNo; QuantityOrdered = 1 } -Confirm:$false", _sandbox.Variables());

        var result = session.Run("Remove-JiwaSalesOrderLine -InvoiceID $order.InvoiceID -InvoiceLineID 'nosuchline' -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.StartsWith("Jiwa.HistoryNotFound", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(_sandbox.Calls("DELETE", "/Lines/"));
    }

    [Fact]
    public void Quote_list_rows_carry_QuoteID_and_QuoteNo_and_pipe_into_the_quote_cmdlets()
    {
        using var session = new PowerShellSession();

        var result = session.RunOk(JiwaSandboxFixture.Connect + @"
            $row = Get-JiwaSalesQuote -First 1
            $quote = $row | Get-JiwaSalesQuote
            $row.InvoiceID -eq $row.QuoteID; $row.InvoiceNo -eq $row.QuoteNo; $quote.QuoteID -eq $row.QuoteID; $quote.QuoteNo", _sandbox.Variables());

        Assert.Equal(true, result[0].BaseObject);
        Assert.Equal(true, result[1].BaseObject);
        Assert.Equal(true, result[2].BaseObject);
        Assert.StartsWith("SQ", (string)result[3].BaseObject, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedSince_reads_only_rows_saved_from_that_moment()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());
        var since = new DateTime(2024, 6, 1);

        var rows = session.RunOk("Get-JiwaSalesOrder -ChangedSince $since", new System.Collections.Hashtable { ["since"] = since });

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(Convert.ToDateTime(r.Properties["LastSavedDateTime"].Value, System.Globalization.CultureInfo.InvariantCulture) >= since));
        Assert.Equal(["2024-06-01T00:00:00"], _sandbox.Calls("GET", "/Queries/SalesOrderList")[0].QueryValues("LastSavedDateTimeGreaterThanOrEqualTo"));
        var twice = session.Run("Get-JiwaDebtor -ChangedSince $since -Filter @{ LastSavedDateTimeGreaterThanOrEqualTo = $since }");
        var error = (twice.Terminating as IContainsErrorRecord)?.ErrorRecord ?? Assert.Single(twice.Errors);
        Assert.StartsWith("Jiwa.FilterTwice", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_key_the_line_DTO_lacks_is_named_in_a_warning()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());

        var result = session.Run("New-JiwaSalesOrder -DebtorID $debtor.DebtorID -Line @{ PartNo = $part.PartNo; QuantityOrdered = 1; Colour = 'red' } -Confirm:$false");

        Assert.Empty(result.Errors);
        Assert.Contains(result.Warnings, w => w.Contains("'Colour'", StringComparison.Ordinal) && w.Contains("SalesOrderLine", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, "/Debtors/0")]
    [InlineData(true, "/Debtors/Save")]
    public void A_stateful_debtor_is_saved_and_abandoned_under_either_reading_of_the_route(bool queryForm, string savedAt)
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());
        _sandbox.Server.Jiwa.Options.DebtorSaveRouteTakesQuery = queryForm;

        var result = session.RunOk(@"
            $edit = Get-JiwaDebtor -DebtorID $debtor.DebtorID -Stateful
            $edit | Set-JiwaDebtor -Property @{ Phone = '02 8888 0000' } -Stateful -Confirm:$false
            ($edit | Save-JiwaRecord -Confirm:$false).Phone
            $again = Get-JiwaDebtor -DebtorID $debtor.DebtorID -Stateful
            $again | Undo-JiwaRecord -Confirm:$false
            $sandbox.StatefulObjectCount", _sandbox.Variables());

        Assert.Equal("02 8888 0000", result[0].BaseObject);
        Assert.Equal(0, result[1].BaseObject);
        var save = Assert.Single(_sandbox.Calls("GET", "/Save"), r => r.StatusCode == 200);
        Assert.StartsWith(savedAt, save.Path[save.Path.IndexOf("/Debtors", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Single(_sandbox.Calls("DELETE", "/Abandon"), r => r.StatusCode == 204);
    }
}
