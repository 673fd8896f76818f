using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Reads Jiwa sales quotes: by QuoteID (GET /SalesQuotes/{QuoteID}), or the AutoQuery list
/// /Queries/SalesQuoteList across every page, optionally one debtor's (-DebtorID, also from piped debtors).
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiwaSalesQuote", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(JiwaTypeNames.SalesQuote)]
public sealed class GetJiwaSalesQuoteCommand : GetJiwaSalesDocumentCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [ValidateNotNullOrEmpty]
    public string[] QuoteID { get; set; } = System.Array.Empty<string>();

    internal override JiwaResource Resource => JiwaApi.SalesQuotes;

    internal override string[] Ids => QuoteID;
}
