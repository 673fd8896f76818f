using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>Removes one line from a Jiwa sales order (DELETE /SalesOrders/{InvoiceID}/Historys/{InvoiceHistoryID}/Lines/{InvoiceLineID}).</summary>
[Cmdlet(VerbsCommon.Remove, "JiwaSalesOrderLine", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveJiwaSalesOrderLineCommand : RemoveJiwaLineCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string InvoiceID { get; set; } = string.Empty;

    /// <summary>The line: from piped lines of the sales order by property name.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string InvoiceLineID { get; set; } = string.Empty;

    /// <summary>The line's history; without it, the history holding the line is looked up.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? InvoiceHistoryID { get; set; }

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesOrder;

    internal override string DocumentId => InvoiceID;

    internal override string? HistoryId => InvoiceHistoryID;

    internal override string LineId => InvoiceLineID;
}
