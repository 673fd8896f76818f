using System;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Gets Severa invoices: all, by status (e.g. Approved ones to send), by customer or project, or by guid.</summary>
[Cmdlet(VerbsCommon.Get, "SeveraInvoice", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(SeveraApi.InvoiceType)]
public sealed class GetSeveraInvoiceCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByGuid", ValueFromPipelineByPropertyName = true)]
    [Alias("InvoiceGuid")]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    /// <summary>Only invoices in these statuses (guids from Get-SeveraInvoiceStatus).</summary>
    [Parameter(ParameterSetName = "List")]
    [ArgumentCompleter(typeof(SeveraInvoiceStatusCompleter))]
    public Guid[]? StatusGuid { get; set; }

    [Parameter(ParameterSetName = "List")]
    public Guid[]? CustomerGuid { get; set; }

    [Parameter(ParameterSetName = "List")]
    public Guid[]? ProjectGuid { get; set; }

    [Parameter(ParameterSetName = "List")]
    public int[]? Number { get; set; }

    [Parameter(ParameterSetName = "List")]
    public string[]? ReferenceNumber { get; set; }

    [Parameter(ParameterSetName = "List")]
    public DateTimeOffset ChangedSince { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ByGuid")
        {
            GetByGuid(Guid, SeveraApi.Invoices, SeveraApi.InvoiceType);
            return;
        }

        var request = ApiRequest.Get(SeveraApi.Invoices)
            .AddEach("invoiceStatusGuids", StatusGuid)
            .AddEach("customerGuids", CustomerGuid)
            .AddEach("projectGuids", ProjectGuid)
            .AddEach("numbers", Number)
            .AddEach("referenceNumbers", ReferenceNumber)
            .Add("changedSince", IsBound(nameof(ChangedSince)) ? ChangedSince : null);
        Stream(request, SeveraApi.TokenPaging(), SeveraApi.InvoiceType, "invoices");
    }
}
