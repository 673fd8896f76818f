using System.Collections;
using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Get-JiwaSalesOrder and Get-JiwaSalesQuote: documents by id (optionally stateful), or the resource's AutoQuery
/// list, all of it or one debtor's (-DebtorID, or piped debtors).
/// </summary>
public abstract class GetJiwaSalesDocumentCmdlet : JiwaChangeListCmdlet
{
    /// <summary>Reads the documents statefully (kept in this session for Set-* -Stateful and Save-JiwaRecord).</summary>
    [Parameter(ParameterSetName = "ById")]
    public SwitchParameter Stateful { get; set; }

    /// <summary>Only this debtor's documents.</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string? DebtorID { get; set; }

    /// <summary>
    /// Debtors whose documents to list: piped Get-JiwaDebtor output. By type rather than by property name, so a
    /// piped document (which has a DebtorID too) is read again by its own id instead.
    /// </summary>
    [Parameter(ParameterSetName = "List", ValueFromPipeline = true)]
    [PSTypeName(JiwaTypeNames.Debtor)]
    public PSObject? Debtor { get; set; }

    /// <summary>The ids given with the subclass's own id parameter (InvoiceID, QuoteID).</summary>
    internal abstract string[] Ids { get; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ById")
        {
            GetById(Ids, Stateful);
            return;
        }

        string? debtor = Debtor?.Properties["DebtorID"]?.Value?.ToString() ?? DebtorID;
        StreamList(debtor is null ? null : new Hashtable { ["DebtorID"] = debtor });
    }
}
