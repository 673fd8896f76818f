using System;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Gets the rows of invoices (also from piped invoices), or invoice rows by guid.</summary>
[Cmdlet(VerbsCommon.Get, "SeveraInvoiceRow", DefaultParameterSetName = "ByInvoiceGuid", SupportsPaging = true)]
[OutputType(SeveraApi.InvoiceRowType)]
public sealed class GetSeveraInvoiceRowCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByInvoiceGuid")]
    public Guid[] InvoiceGuid { get; set; } = Array.Empty<Guid>();

    /// <summary>Invoices whose rows to get: piped Get-SeveraInvoice output.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "ByInvoice", ValueFromPipeline = true)]
    [PSTypeName(SeveraApi.InvoiceType)]
    public PSObject[] Invoice { get; set; } = Array.Empty<PSObject>();

    [Parameter(Mandatory = true, ParameterSetName = "ByGuid")]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ByGuid")
        {
            GetByGuid(Guid, SeveraApi.InvoiceRows, SeveraApi.InvoiceRowType);
            return;
        }

        var invoices = ParameterSetName == "ByInvoice" ? SeveraRecords.Guids(Invoice, this) : InvoiceGuid;
        foreach (Guid invoice in invoices)
        {
            Stream(ApiRequest.Get(SeveraApi.InvoiceRowsOf(invoice)), SeveraApi.TokenPaging(), SeveraApi.InvoiceRowType, "invoice rows");
        }
    }
}
