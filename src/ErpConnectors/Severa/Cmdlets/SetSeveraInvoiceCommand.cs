using System;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>
/// Changes an invoice's status, number or reference number (PATCH with JSON Patch replace operations), as a
/// sending or payment-tracking system does: Approved → Sent with a number, then Paid. Invoices bind from the
/// pipeline by their guid.
/// </summary>
[Cmdlet(VerbsCommon.Set, "SeveraInvoice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(SeveraApi.InvoiceType)]
public sealed class SetSeveraInvoiceCommand : SeveraWriteCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("InvoiceGuid")]
    public Guid Guid { get; set; }

    /// <summary>The new status (a guid from Get-SeveraInvoiceStatus).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(SeveraInvoiceStatusCompleter))]
    public Guid? StatusGuid { get; set; }

    /// <summary>The invoice number: a 32-bit integer in the published OpenAPI (InvoiceOutputModel.number, int32).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    [NumberText(WholeNumber = true)]
    public long? Number { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ReferenceNumber { get; set; }

    /// <summary>Returns the updated invoice.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var patch = new JsonPatch();
        if (StatusGuid is { } status)
        {
            patch.Replace("status", SeveraApi.Reference(status));
        }

        if (Number is { } number)
        {
            patch.Replace("number", number);
        }

        if (ReferenceNumber is not null)
        {
            patch.Replace("referenceNumber", ReferenceNumber);
        }

        if (patch.Count == 0)
        {
            WriteError(ErrorMapper.InvalidArgument("Severa.NothingToChange", "Give at least one of -StatusGuid, -Number, -ReferenceNumber.", Guid));
            return;
        }

        if (ShouldProcess($"invoice {Guid}", "Update Severa invoice"))
        {
            var request = new ApiRequest(new System.Net.Http.HttpMethod("PATCH"), SeveraApi.One(SeveraApi.Invoices, Guid))
            {
                Body = patch.ToJson(),
                Idempotent = true, // replace operations only
            };
            Send(request, SeveraApi.InvoiceType, Guid, emit: PassThru);
        }
    }
}
