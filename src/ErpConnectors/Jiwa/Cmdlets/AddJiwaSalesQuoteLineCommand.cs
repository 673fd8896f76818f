using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>Appends lines to a Jiwa sales quote (POST /SalesQuotes/{QuoteID}/Historys/{QuoteHistoryID}/Lines), one request per line.</summary>
[Cmdlet(VerbsCommon.Add, "JiwaSalesQuoteLine", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(JiwaTypeNames.SalesQuoteLine)]
public sealed class AddJiwaSalesQuoteLineCommand : AddJiwaLineCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string QuoteID { get; set; } = string.Empty;

    /// <summary>The history to add to; without it, the sales quote's last history.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? QuoteHistoryID { get; set; }

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesQuote;

    internal override string DocumentId => QuoteID;

    internal override string? HistoryId => QuoteHistoryID;
}
