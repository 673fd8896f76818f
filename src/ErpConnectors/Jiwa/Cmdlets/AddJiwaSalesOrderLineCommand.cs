using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>Appends lines to a Jiwa sales order (POST /SalesOrders/{InvoiceID}/Historys/{InvoiceHistoryID}/Lines), one request per line.</summary>
[Cmdlet(VerbsCommon.Add, "JiwaSalesOrderLine", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(JiwaTypeNames.SalesOrderLine)]
public sealed class AddJiwaSalesOrderLineCommand : AddJiwaLineCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string InvoiceID { get; set; } = string.Empty;

    /// <summary>The history to add to; without it, the sales order's last history.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? InvoiceHistoryID { get; set; }

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesOrder;

    internal override string DocumentId => InvoiceID;

    internal override string? HistoryId => InvoiceHistoryID;
}
