using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Reads Jiwa sales orders: by InvoiceID (GET /SalesOrders/{InvoiceID}), or the AutoQuery list
/// /Queries/SalesOrderList across every page, optionally one debtor's (-DebtorID, also from piped debtors).
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiwaSalesOrder", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(JiwaTypeNames.SalesOrder)]
public sealed class GetJiwaSalesOrderCommand : GetJiwaSalesDocumentCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [ValidateNotNullOrEmpty]
    public string[] InvoiceID { get; set; } = System.Array.Empty<string>();

    internal override JiwaResource Resource => JiwaApi.SalesOrders;

    internal override string[] Ids => InvoiceID;
}
