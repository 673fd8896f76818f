using System.Collections;
using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Reads Jiwa sales orders: by InvoiceID (GET /SalesOrders/{InvoiceID}), or the AutoQuery list
/// /Queries/SalesOrderList across every page, optionally one debtor's (-DebtorID, also from piped debtors).
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiwaSalesOrder", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(JiwaTypeNames.SalesOrder)]
public sealed class GetJiwaSalesOrderCommand : JiwaListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [ValidateNotNullOrEmpty]
    public string[] InvoiceID { get; set; } = System.Array.Empty<string>();

    /// <summary>Reads the orders statefully (kept in this session for Set-JiwaSalesOrder -Stateful and Save-JiwaRecord).</summary>
    [Parameter(ParameterSetName = "ById")]
    public SwitchParameter Stateful { get; set; }

    /// <summary>Only this debtor's orders.</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string? DebtorID { get; set; }

    /// <summary>
    /// Debtors whose orders to list: piped Get-JiwaDebtor output. By type rather than by property name, so a
    /// piped order (which has a DebtorID too) is read again by its InvoiceID instead.
    /// </summary>
    [Parameter(ParameterSetName = "List", ValueFromPipeline = true)]
    [PSTypeName(JiwaTypeNames.Debtor)]
    public PSObject? Debtor { get; set; }

    internal override JiwaResource Resource => JiwaApi.SalesOrders;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ById")
        {
            GetById(InvoiceID, Stateful);
            return;
        }

        string? debtor = Debtor?.Properties["DebtorID"]?.Value?.ToString() ?? DebtorID;
        StreamList(debtor is null ? null : new Hashtable { ["DebtorID"] = debtor });
    }
}
