using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>Changes one line of a Jiwa sales quote (PATCH /SalesQuotes/{QuoteID}/Historys/{QuoteHistoryID}/Lines/{QuoteLineID}).</summary>
[Cmdlet(VerbsCommon.Set, "JiwaSalesQuoteLine", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(JiwaTypeNames.SalesQuoteLine)]
public sealed class SetJiwaSalesQuoteLineCommand : SetJiwaLineCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string QuoteID { get; set; } = string.Empty;

    /// <summary>The line: from piped lines of the sales quote by property name.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string QuoteLineID { get; set; } = string.Empty;

    /// <summary>The line's history; without it, the history holding the line is looked up.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? QuoteHistoryID { get; set; }

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesQuote;

    internal override string DocumentId => QuoteID;

    internal override string? HistoryId => QuoteHistoryID;

    internal override string LineId => QuoteLineID;
}
