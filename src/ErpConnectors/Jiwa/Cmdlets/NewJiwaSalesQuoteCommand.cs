using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>Creates a Jiwa sales quote (POST /SalesQuotes) for a debtor, with lines and notes.</summary>
[Cmdlet(VerbsCommon.New, "JiwaSalesQuote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "DebtorID")]
[OutputType(JiwaTypeNames.SalesQuote)]
public sealed class NewJiwaSalesQuoteCommand : NewJiwaSalesDocumentCmdlet
{
    /// <summary>When the goods would be delivered (the quote header's date; its expiry belongs to the quote history).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public System.DateTime? ExpectedDeliveryDate { get; set; }

    internal override System.DateTime? Date => ExpectedDeliveryDate;

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesQuote;
}
