using System.Collections;
using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

public class JiwaWriteTests : IClassFixture<JiwaSandboxFixture>
{
    private readonly JiwaSandboxFixture _sandbox;

    public JiwaWriteTests(JiwaSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    // A debtor that may order, one on hold, and two part numbers, found through the module itself.
    private const string Targets = JiwaSandboxFixture.Connect + @"
        $debtor = Get-JiwaDebtor -Filter @{ AccountOnHold = $false } -First 1
        $held = Get-JiwaDebtor -Filter @{ AccountOnHold = $true } -First 1
        $parts = @(Get-JiwaInventory -Filter @{ AvailableStockGreaterThan = 0 } -First 2)";

    [Fact]
    public void A_sales_order_is_created_then_changed_with_lines_and_notes()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());
        int before = _sandbox.Server.Jiwa.SalesOrderCount;

        var order = Assert.Single(session.RunOk(@"
            $order = New-JiwaSalesOrder -DebtorAccountNo $debtor.AccountNo -Line @{ PartNo = $parts[0].PartNo; QuantityOrdered = 2 }, @{ InventoryID = $parts[1].InventoryID; Quantity = '3'; Price = '9.50' } -Note 'Phoned in' -OrderNo 'PO-1' -Confirm:$false
            $order"));
        Assert.Equal("ErpConnectors.Jiwa.SalesOrder", order.TypeNames[0]);
        Assert.Equal(before + 1, _sandbox.Server.Jiwa.SalesOrderCount);
        var lines = (object[])order.Properties["Lines"].Value;
        Assert.Equal(2, lines.Length);
        // Price and Quantity are not properties of Jiwa's SalesOrderLine: sent as DiscountedPrice and QuantityOrdered.
        Assert.Equal((3m, 9.5m), (Convert.ToDecimal(((PSObject)lines[1]).Properties["QuantityOrdered"].Value), Convert.ToDecimal(((PSObject)lines[1]).Properties["DiscountedPrice"].Value)));
        var body = Assert.Single(_sandbox.Calls("POST", "/SalesOrders")).Body;
        Assert.Matches("\"DiscountedPrice\":9\\.50?[,}]", body);
        Assert.DoesNotContain("\"Price\"", body, StringComparison.Ordinal);

        var changed = Assert.Single(session.RunOk(@"
            $first = $order.Lines[0].InvoiceLineID
            $order | Set-JiwaSalesOrder -Line @{ InvoiceLineID = $first; QuantityOrdered = 5 }, @{ PartNo = $parts[1].PartNo; QuantityOrdered = 1 } -Note 'Another hour' -PassThru -Confirm:$false"));
        var changedLines = ((object[])changed.Properties["Lines"].Value).Cast<PSObject>().ToList();
        Assert.Equal(3, changedLines.Count);
        Assert.Equal(5m, Convert.ToDecimal(changedLines[0].Properties["QuantityOrdered"].Value));
        Assert.Equal(2, ((object[])changed.Properties["Notes"].Value).Length);
        var patch = Assert.Single(_sandbox.Calls("PATCH", "/SalesOrders/"));
        Assert.Contains("\"Notes\":[{\"NoteText\":\"Another hour\"}]", patch.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatIf_and_bad_lines_send_nothing()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());
        _sandbox.Server.Requests.ClearWhenAnswered();

        var result = session.Run(@"
            New-JiwaSalesOrder -DebtorID $debtor.DebtorID -Line @{ PartNo = $parts[0].PartNo; QuantityOrdered = 1 } -WhatIf
            Set-JiwaDebtor -DebtorID $debtor.DebtorID -Property @{ Name = 'x' } -WhatIf
            New-JiwaSalesOrder -DebtorID $debtor.DebtorID -Line @{ PartNo = $parts[0].PartNo; QuantityOrdered = 0 } -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Empty(_sandbox.Server.Requests.AnsweredSnapshot());
    }

    [Fact]
    public void A_business_rule_409_is_reported_with_the_message_and_never_retried()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());
        int before = _sandbox.Server.Jiwa.SalesOrderCount;

        var result = session.Run("New-JiwaSalesOrder -DebtorID $held.DebtorID -Line @{ PartNo = $parts[0].PartNo; QuantityOrdered = 1 } -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("on hold", error.Exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("read the record again", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Single(_sandbox.Calls("POST", "/SalesOrders"));
        Assert.Equal(before, _sandbox.Server.Jiwa.SalesOrderCount);
    }

    [Fact]
    public void A_create_whose_answer_is_lost_in_a_5xx_is_never_replayed()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());
        int before = _sandbox.Server.Jiwa.SalesOrderCount;
        _sandbox.Server.Jiwa.Faults.Enqueue(new InjectedFault(503, "POST", "/SalesOrders", AfterHandling: true));

        var result = session.Run("New-JiwaSalesOrder -DebtorID $debtor.DebtorID -Line @{ PartNo = $parts[0].PartNo; QuantityOrdered = 1 } -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ResourceUnavailable, error.CategoryInfo.Category);
        Assert.Single(_sandbox.Calls("POST", "/SalesOrders"));
        Assert.Equal(before + 1, _sandbox.Server.Jiwa.SalesOrderCount); // applied once, not twice
    }

    [Fact]
    public void A_stateful_edit_is_invisible_until_saved()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());

        int held = _sandbox.Server.Jiwa.StatefulObjectCount; // other tests' sessions may still hold copies
        var saved = session.RunOk(@"
            $edit = Get-JiwaDebtor -DebtorID $debtor.DebtorID -Stateful
            $edit | Set-JiwaDebtor -Property @{ Name = 'Stateful Name' } -Stateful -Confirm:$false
            $edit | Set-JiwaDebtor -Property @{ CreditLimit = 4321 } -Stateful -Confirm:$false
            (Get-JiwaDebtor -DebtorID $debtor.DebtorID).Name
            $sandbox.StatefulObjectCount
            $edit | Save-JiwaRecord -Confirm:$false
            $sandbox.StatefulObjectCount
            Get-JiwaDebtor -DebtorID $debtor.DebtorID", _sandbox.Variables());

        string original = (string)session.RunOk("$debtor.Name")[0].BaseObject;
        Assert.Equal(original, saved[0].BaseObject); // the stored record is untouched before Save
        Assert.Equal(held + 1, saved[1].BaseObject);
        Assert.Equal("Stateful Name", saved[2].Properties["Name"].Value);
        Assert.Equal(held, saved[3].BaseObject);
        Assert.Equal("Stateful Name", saved[4].Properties["Name"].Value);
        Assert.Equal(4321m, Convert.ToDecimal(saved[4].Properties["CreditLimit"].Value));
        Assert.All(_sandbox.Calls("PATCH", "/Debtors/"), r => Assert.Equal("true", r.Headers["jiwa-stateful"]));
    }

    [Fact]
    public void A_stateful_edit_can_be_abandoned()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());

        int held = _sandbox.Server.Jiwa.StatefulObjectCount;
        var after = session.RunOk(@"
            Get-JiwaDebtor -DebtorID $debtor.DebtorID -Stateful | Set-JiwaDebtor -Property @{ Name = 'Never stored' } -Stateful -Confirm:$false
            Undo-JiwaRecord -Kind Debtor -Id $debtor.DebtorID -Confirm:$false
            $sandbox.StatefulObjectCount
            (Get-JiwaDebtor -DebtorID $debtor.DebtorID).Name
            $debtor.Name", _sandbox.Variables());

        Assert.Equal(held, after[0].BaseObject);
        Assert.Equal(after[2].BaseObject, after[1].BaseObject);
        Assert.Single(_sandbox.Calls("DELETE", "/Abandon"));
    }

    [Fact]
    public void A_save_after_someone_else_changed_the_record_is_a_409_and_not_retried()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());

        var result = session.Run(@"
            $edit = Get-JiwaDebtor -DebtorID $debtor.DebtorID -Stateful
            $edit | Set-JiwaDebtor -Property @{ Name = 'Mine' } -Stateful -Confirm:$false
            Set-JiwaDebtor -DebtorID $debtor.DebtorID -Property @{ Name = 'Theirs' } -Confirm:$false
            $edit | Save-JiwaRecord -Confirm:$false", _sandbox.Variables());

        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("changed by another user", error.Exception.Message, StringComparison.Ordinal);
        Assert.Single(_sandbox.Calls("GET", "/Save"));
    }

    [Fact]
    public void A_sales_quote_is_created_with_the_quote_DTO_field_names()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());

        var quote = Assert.Single(session.RunOk("New-JiwaSalesQuote -DebtorID $debtor.DebtorID -Line @{ PartNo = $parts[0].PartNo; Quantity = 4 } -ExpectedDeliveryDate 2030-01-31 -Confirm:$false"));

        Assert.Equal("ErpConnectors.Jiwa.SalesQuote", quote.TypeNames[0]);
        var line = (PSObject)((object[])quote.Properties["Lines"].Value)[0];
        // SalesQuoteLine has QuantityOrdered, as SalesOrderLine does; the header's date is ExpectedDeliveryDate.
        Assert.Equal(4m, Convert.ToDecimal(line.Properties["QuantityOrdered"].Value));
        var body = Assert.Single(_sandbox.Calls("POST", "/SalesQuotes")).Body;
        Assert.Matches("\"QuantityOrdered\":4[,}]", body);
        Assert.Contains("\"ExpectedDeliveryDate\":\"2030-01-31T00:00:00\"", body, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2030, 1, 31), Convert.ToDateTime(quote.Properties["ExpectedDeliveryDate"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_quote_piped_into_New_JiwaSalesOrder_becomes_an_order_with_its_lines()
    {
        using var session = new PowerShellSession();
        session.RunOk(Targets, _sandbox.Variables());

        var result = session.RunOk(@"
            $quote = New-JiwaSalesQuote -DebtorID $debtor.DebtorID -Line @{ PartNo = $parts[0].PartNo; Quantity = 2 }, @{ PartNo = $parts[1].PartNo; Quantity = 1 }
            $order = $quote | New-JiwaSalesOrder
            $order.DebtorID; $quote.DebtorID; $order.Lines.Count; $order.Lines[0].QuantityOrdered", _sandbox.Variables());

        Assert.Equal(result[1].BaseObject, result[0].BaseObject);
        Assert.Equal(2, result[2].BaseObject);
        Assert.Equal(2m, Convert.ToDecimal(result[3].BaseObject));
        Assert.DoesNotContain("QuoteLineID", Assert.Single(_sandbox.Calls("POST", "/SalesOrders")).Body, StringComparison.Ordinal);
    }
}
