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

    /// <summary>When the goods would be delivered (the quote header's date; its expiry belongs to the quote history).</summary>
    [Parameter]
    public System.DateTime? ExpectedDeliveryDate { get; set; }

    internal override System.DateTime? Date => ExpectedDeliveryDate;

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesQuote;

    internal override string Id => QuoteID;
}
