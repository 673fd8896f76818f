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

    /// <summary>When the goods are expected to be delivered.</summary>
    [Parameter]
    public System.DateTime? ExpectedDeliveryDate { get; set; }

    internal override System.DateTime? Date => ExpectedDeliveryDate;

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesOrder;

    internal override string Id => InvoiceID;
}
