using System.Collections;
using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Reads Jiwa sales quotes: by QuoteID (GET /SalesQuotes/{QuoteID}), or the AutoQuery list
/// /Queries/SalesQuoteList across every page, optionally one debtor's (-DebtorID, also from piped debtors).
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiwaSalesQuote", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(JiwaTypeNames.SalesQuote)]
public sealed class GetJiwaSalesQuoteCommand : JiwaListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [ValidateNotNullOrEmpty]
    public string[] QuoteID { get; set; } = System.Array.Empty<string>();

    /// <summary>Reads the quotes statefully (kept in this session for Set-JiwaSalesQuote -Stateful and Save-JiwaRecord).</summary>
    [Parameter(ParameterSetName = "ById")]
    public SwitchParameter Stateful { get; set; }

    /// <summary>Only this debtor's quotes.</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string? DebtorID { get; set; }

    /// <summary>
    /// Debtors whose quotes to list: piped Get-JiwaDebtor output. By type rather than by property name, so a
    /// piped quote (which has a DebtorID too) is read again by its QuoteID instead.
    /// </summary>
    [Parameter(ParameterSetName = "List", ValueFromPipeline = true)]
    [PSTypeName(JiwaTypeNames.Debtor)]
    public PSObject? Debtor { get; set; }

    internal override JiwaResource Resource => JiwaApi.SalesQuotes;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ById")
        {
            GetById(QuoteID, Stateful);
            return;
        }

        string? debtor = Debtor?.Properties["DebtorID"]?.Value?.ToString() ?? DebtorID;
        StreamList(debtor is null ? null : new Hashtable { ["DebtorID"] = debtor });
    }
}
