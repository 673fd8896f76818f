using System;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>
/// Creates a work hour on a project phase for a user, with a work type (POST /workhours). Parameters bind from
/// the pipeline by property name, so Import-Csv rows with matching columns create one work hour each; the columns
/// ConvertTo-ErpFlatObject writes for a work hour (phase.guid, user.guid, workType.guid, unitPrice.amount...) bind too.
/// A create is never sent twice: if its answer is lost, it is reported, not replayed.
/// </summary>
[Cmdlet(VerbsCommon.New, "SeveraWorkHour", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(SeveraApi.WorkHourType)]
public sealed class NewSeveraWorkHourCommand : SeveraWriteCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    public DateTime EventDate { get; set; }

    /// <summary>Hours (7.5 = seven and a half hours).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, 24)]
    [NumberText]
    public decimal Quantity { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("phase.guid")]
    public Guid PhaseGuid { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("user.guid")]
    public Guid UserGuid { get; set; }

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("workType.guid")]
    public Guid WorkTypeGuid { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? Description { get; set; }

    /// <summary>Unit price; needs -CurrencyCode too (Severa money values always carry both).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("unitPrice.amount")]
    [NumberText]
    public decimal? UnitPrice { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("unitPrice.currencyCode")]
    [EmptyAsNull]
    [ValidatePattern("^[A-Za-z]{3}$")]
    public string? CurrencyCode { get; set; }

    /// <summary>Whether the hours may be invoiced (isBillable). Default: the server's (billable).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyAsNull]
    [BooleanText]
    public bool? IsBillable { get; set; }

    /// <summary>When the work started (startTime); with -EndTime the server knows the time of day worked.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyAsNull]
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>When the work ended (endTime).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyAsNull]
    public DateTimeOffset? EndTime { get; set; }

    /// <summary>The overtime definition the hours fall under (overtime.guid; see GET /overtimes).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyAsNull]
    public Guid? OvertimeGuid { get; set; }

    /// <summary>The hours to invoice when they differ from -Quantity (invoiceQuantity).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [NumberText(Minimum = 0, Maximum = 24)] // an empty cell is "not given"; [ValidateRange] would refuse its null
    public decimal? InvoiceQuantity { get; set; }

    /// <summary>The text of the invoice row the hours go to (invoiceRowDescription).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? InvoiceRowDescription { get; set; }

    protected override void ProcessRecord()
    {
        if (SeveraMoney.Validate(UnitPrice, CurrencyCode, nameof(UnitPrice)) is { } invalid)
        {
            WriteError(invalid);
            return;
        }

        string day = EventDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = new OrderedDictionary
        {
            ["eventDate"] = day,
            ["description"] = Description,
            ["quantity"] = Quantity,
            ["phase"] = SeveraApi.Reference(PhaseGuid),
            ["user"] = SeveraApi.Reference(UserGuid),
            ["workType"] = SeveraApi.Reference(WorkTypeGuid),
        };
        if (UnitPrice is { } price)
        {
            body["unitPrice"] = SeveraMoney.Value(price, CurrencyCode!);
        }

        if (SeveraWorkHourFields.InvalidTimes(StartTime, EndTime) is { } invalidTimes)
        {
            WriteError(invalidTimes);
            return;
        }

        SeveraWorkHourFields.Add(body, IsBillable, StartTime, EndTime, OvertimeGuid, InvoiceQuantity, InvoiceRowDescription);

        string target = $"{Quantity.ToString(CultureInfo.InvariantCulture)} h on {day} for user {UserGuid} (phase {PhaseGuid})";
        if (!ShouldProcess(target, "Create Severa work hour"))
        {
            return;
        }

        var request = new ApiRequest(HttpMethod.Post, SeveraApi.WorkHours) { Body = JsonBody.Serialize(body) };
        Send(request, SeveraApi.WorkHourType, target, emit: true);
    }
}
