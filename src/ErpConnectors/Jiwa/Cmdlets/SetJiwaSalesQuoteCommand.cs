using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>Changes a Jiwa sales quote (PATCH /SalesQuotes/{QuoteID}): lines, notes and header fields.</summary>
[Cmdlet(VerbsCommon.Set, "JiwaSalesQuote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(JiwaTypeNames.SalesQuote)]
public sealed class SetJiwaSalesQuoteCommand : SetJiwaSalesDocumentCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string QuoteID { get; set; } = string.Empty;

    /// <summary>Until when the quote is valid.</summary>
    [Parameter]
    public System.DateTime? ExpiryDate { get; set; }

    internal override System.DateTime? Date => ExpiryDate;

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesQuote;

    internal override string Id => QuoteID;
}
