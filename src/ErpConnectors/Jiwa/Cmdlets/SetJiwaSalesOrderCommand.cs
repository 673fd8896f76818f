using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>Changes a Jiwa sales order (PATCH /SalesOrders/{InvoiceID}): lines, notes and header fields.</summary>
[Cmdlet(VerbsCommon.Set, "JiwaSalesOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(JiwaTypeNames.SalesOrder)]
public sealed class SetJiwaSalesOrderCommand : SetJiwaSalesDocumentCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string InvoiceID { get; set; } = string.Empty;

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesOrder;

    internal override string Id => InvoiceID;
}
