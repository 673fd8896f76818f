using System;
using System.Globalization;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>
/// Changes a work hour (PATCH with JSON Patch replace operations): only the parameters given are sent.
/// Invoiced hours and closed days cannot be changed; the server's message says so.
/// </summary>
[Cmdlet(VerbsCommon.Set, "SeveraWorkHour", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(SeveraApi.WorkHourType)]
public sealed class SetSeveraWorkHourCommand : SeveraWriteCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("WorkHourGuid")]
    public Guid Guid { get; set; }

    [Parameter]
    public DateTime? EventDate { get; set; }

    [Parameter]
    [ValidateRange(0, 24)]
    [NumberText]
    public decimal? Quantity { get; set; }

    [Parameter]
    [AllowEmptyString]
    public string? Description { get; set; }

    [Parameter]
    public Guid? PhaseGuid { get; set; }

    [Parameter]
    public Guid? WorkTypeGuid { get; set; }

    [Parameter]
    [NumberText]
    public decimal? UnitPrice { get; set; }

    [Parameter]
    [ValidatePattern("^[A-Za-z]{3}$")]
    public string? CurrencyCode { get; set; }

    /// <summary>Whether the hours may be invoiced (isBillable).</summary>
    [Parameter]
    [BooleanText]
    public bool? IsBillable { get; set; }

    /// <summary>When the work started (startTime).</summary>
    [Parameter]
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When the work ended (endTime).</summary>
    [Parameter]
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>The overtime definition the hours fall under (overtime.guid).</summary>
    [Parameter]
    public Guid? OvertimeGuid { get; set; }

    /// <summary>The hours to invoice (invoiceQuantity).</summary>
    [Parameter]
    [ValidateRange(0, 24)]
    public decimal? InvoiceQuantity { get; set; }

    /// <summary>The text of the invoice row the hours go to (invoiceRowDescription).</summary>
    [Parameter]
    [AllowEmptyString]
    public string? InvoiceRowDescription { get; set; }

    /// <summary>Returns the updated work hour.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (SeveraMoney.Validate(UnitPrice, CurrencyCode, nameof(UnitPrice)) is { } invalid)
        {
            WriteError(invalid);
            return;
        }

        var patch = new JsonPatch();
        if (EventDate is { } date)
        {
            patch.Replace("eventDate", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (Quantity is { } quantity)
        {
            patch.Replace("quantity", quantity);
        }

        if (Description is not null)
        {
            patch.Replace("description", Description);
        }

        if (PhaseGuid is { } phase)
        {
            patch.Replace("phase", SeveraApi.Reference(phase));
        }

        if (WorkTypeGuid is { } workType)
        {
            patch.Replace("workType", SeveraApi.Reference(workType));
        }

        if (UnitPrice is { } price)
        {
            patch.Replace("unitPrice", SeveraMoney.Value(price, CurrencyCode!));
        }

        if (SeveraWorkHourFields.InvalidTimes(StartTime, EndTime) is { } invalidTimes)
        {
            WriteError(invalidTimes);
            return;
        }

        SeveraWorkHourFields.Replace(patch, IsBillable, StartTime, EndTime, OvertimeGuid, InvoiceQuantity, InvoiceRowDescription);
        if (patch.Count == 0)
        {
            WriteError(ErrorMapper.InvalidArgument("Severa.NothingToChange", "Give at least one value to change (-EventDate, -Quantity, -Description, -PhaseGuid, -WorkTypeGuid, -UnitPrice, -IsBillable, -StartTime, -EndTime, -OvertimeGuid, -InvoiceQuantity, -InvoiceRowDescription).", Guid));
            return;
        }

        if (ShouldProcess($"work hour {Guid}", "Update Severa work hour"))
        {
            var request = new ApiRequest(new System.Net.Http.HttpMethod("PATCH"), SeveraApi.One(SeveraApi.WorkHours, Guid))
            {
                Body = patch.ToJson(),
                Idempotent = true, // replace operations only: applying them twice leaves the same state
            };
            Send(request, SeveraApi.WorkHourType, Guid, emit: PassThru);
        }
    }
}
