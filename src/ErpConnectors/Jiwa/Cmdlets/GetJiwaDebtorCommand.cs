using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Reads Jiwa debtors: by DebtorID (GET /Debtors/{DebtorID}; ids bind from the pipeline by property name, so any
/// record carrying a DebtorID gives its debtor), or the AutoQuery list /Queries/DebtorList across every page.
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiwaDebtor", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(JiwaTypeNames.Debtor)]
public sealed class GetJiwaDebtorCommand : JiwaChangeListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [ValidateNotNullOrEmpty]
    public string[] DebtorID { get; set; } = System.Array.Empty<string>();

    /// <summary>Reads the debtors statefully: the server keeps them in this session for Set-JiwaDebtor -Stateful and Save-JiwaRecord.</summary>
    [Parameter(ParameterSetName = "ById")]
    public SwitchParameter Stateful { get; set; }

    internal override JiwaResource Resource => JiwaApi.Debtors;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ById")
        {
            GetById(DebtorID, Stateful);
            return;
        }

        StreamList();
    }
}
