using System;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Gets the organisation's invoice statuses (Draft, Approved, Sent, Paid, ...), or one by guid.</summary>
[Cmdlet(VerbsCommon.Get, "SeveraInvoiceStatus", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(SeveraApi.InvoiceStatusType)]
public sealed class GetSeveraInvoiceStatusCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByGuid")]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    /// <summary>Statuses whose name contains this text (case-insensitive, on the server).</summary>
    [Parameter(ParameterSetName = "List", Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? TextToSearch { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ByGuid")
        {
            GetByGuid(Guid, SeveraApi.InvoiceStatuses, SeveraApi.InvoiceStatusType);
            return;
        }

        Stream(ApiRequest.Get(SeveraApi.InvoiceStatuses).Add("textToSearch", TextToSearch), SeveraApi.RowPaging(), SeveraApi.InvoiceStatusType, "invoice statuses");
    }
}
