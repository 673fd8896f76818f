using System.Management.Automation;
using ErpConnectors.Sandbox;

namespace ErpConnectors.RunspaceTests;

public class SeveraPipelineTests : IClassFixture<SeveraSandboxFixture>
{
    private readonly SeveraSandboxFixture _sandbox;

    public SeveraPipelineTests(SeveraSandboxFixture sandbox)
    {
        _sandbox = sandbox;
        sandbox.Reset();
    }

    private static string Guid(PSObject record) => (string)record.Properties["guid"].Value;

    private static string Nested(PSObject record, string property) =>
        (string)((PSObject)record.Properties[property].Value).Properties["guid"].Value;

    [Fact]
    public void Approved_invoices_piped_into_Set_SeveraInvoice_become_Sent_with_numbers()
    {
        using var session = new PowerShellSession();
        var changed = session.RunOk(SeveraSandboxFixture.Connect + @"
            $statuses = Get-SeveraInvoiceStatus
            $approved = ($statuses | Where-Object name -eq 'Approved').guid
            $sent = ($statuses | Where-Object name -eq 'Sent').guid
            $number = 90000
            Get-SeveraInvoice -StatusGuid $approved -First 3 | ForEach-Object { $number++; $_ | Set-SeveraInvoice -StatusGuid $sent -Number $number -PassThru }",
            _sandbox.Variables());

        Assert.Equal(3, changed.Count);
        Assert.All(changed, invoice => Assert.Equal("Sent", ((PSObject)invoice.Properties["status"].Value).Properties["name"].Value));
        var patches = _sandbox.Calls("PATCH", "/invoices/");
        Assert.Equal(3, patches.Count);
        Assert.All(patches, p => Assert.Contains("\"op\":\"replace\"", p.Body));
    }

    [Fact]
    public void Piped_customers_give_their_contact_persons_and_projects()
    {
        using var session = new PowerShellSession();
        var customers = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraCustomer -First 2", _sandbox.Variables());
        var contacts = session.RunOk("Get-SeveraCustomer -First 2 | Get-SeveraContactPerson");

        Assert.NotEmpty(contacts);
        var owners = customers.Select(Guid).ToHashSet();
        Assert.All(contacts, c => Assert.Contains(Nested(c, "customer"), owners));
        Assert.All(contacts, c => Assert.Equal("ErpConnectors.Severa.ContactPerson", c.TypeNames[0]));
    }

    [Fact]
    public void Piped_projects_give_phase_trees_and_piped_phases_give_work_types()
    {
        using var session = new PowerShellSession();
        var phases = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraProject -First 1 | Get-SeveraPhase", _sandbox.Variables());
        Assert.True(phases.Count > 1);
        Assert.Contains(phases, p => p.Properties["parentPhase"]?.Value is null);
        Assert.Contains(phases, p => p.Properties["parentPhase"]?.Value is PSObject);

        var workTypes = session.RunOk("Get-SeveraProject -First 1 | Get-SeveraPhase | Get-SeveraWorkType");
        Assert.NotEmpty(workTypes);
        Assert.All(workTypes, w => Assert.Equal("ErpConnectors.Severa.WorkType", w.TypeNames[0]));
    }

    [Fact]
    public void Piped_invoices_give_their_rows()
    {
        using var session = new PowerShellSession();
        var invoice = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraInvoice -First 1", _sandbox.Variables()).Single();
        var rows = session.RunOk("Get-SeveraInvoice -First 1 | Get-SeveraInvoiceRow");

        Assert.NotEmpty(rows);
        Assert.Single(_sandbox.Calls("GET", $"/invoices/{Guid(invoice)}/invoicerows"));
    }

    [Fact]
    public void Records_piped_by_guid_are_read_again()
    {
        using var session = new PowerShellSession();
        var again = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraCustomer -First 3 | Get-SeveraCustomer", _sandbox.Variables());

        Assert.Equal(3, again.Count);
        Assert.Equal(3, _sandbox.Calls("GET", "/customers/").Count);
    }

    [Fact]
    public void Flattened_contact_persons_have_one_scalar_per_column()
    {
        using var session = new PowerShellSession();
        var flat = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraContactPerson -First 5 | ConvertTo-ErpFlatObject", _sandbox.Variables());

        Assert.Equal(5, flat.Count);
        foreach (var row in flat)
        {
            Assert.NotNull(row.Properties["customer.guid"]);
            Assert.All(row.Properties, p => Assert.True(p.Value is null || p.Value is string || p.Value.GetType().IsValueType, $"{p.Name} is {p.Value?.GetType()}"));
        }
    }
}
