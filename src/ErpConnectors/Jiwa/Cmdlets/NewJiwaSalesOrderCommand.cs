using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>Creates a Jiwa sales order (POST /SalesOrders) for a debtor, with lines and notes.</summary>
[Cmdlet(VerbsCommon.New, "JiwaSalesOrder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "DebtorID")]
[OutputType(JiwaTypeNames.SalesOrder)]
public sealed class NewJiwaSalesOrderCommand : NewJiwaSalesDocumentCmdlet
{
    /// <summary>When the goods are expected to be delivered.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public System.DateTime? ExpectedDeliveryDate { get; set; }

    internal override System.DateTime? Date => ExpectedDeliveryDate;

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesOrder;
}
