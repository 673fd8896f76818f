using System.Collections;
using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Streams debtor transactions (the AutoQuery list /Queries/DebtorTransactionList): all of them, or a debtor's
/// (-DebtorID, also from piped debtors), narrowed with -Filter.
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiwaDebtorTransaction", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(JiwaTypeNames.DebtorTransaction)]
public sealed class GetJiwaDebtorTransactionCommand : JiwaListCmdlet
{
    /// <summary>Only this debtor's transactions (from piped debtors by property name).</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string? DebtorID { get; set; }

    internal override JiwaResource Resource => JiwaApi.DebtorTransactions;

    protected override void ProcessRecord() =>
        StreamList(DebtorID is null ? null : new Hashtable { ["DebtorID"] = DebtorID });
}
