using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>Creates a Jiwa sales quote (POST /SalesQuotes) for a debtor, with lines and notes.</summary>
[Cmdlet(VerbsCommon.New, "JiwaSalesQuote", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "DebtorID")]
[OutputType(JiwaTypeNames.SalesQuote)]
public sealed class NewJiwaSalesQuoteCommand : NewJiwaSalesDocumentCmdlet
{
    /// <summary>Until when the quote is valid.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public System.DateTime? ExpiryDate { get; set; }

    internal override System.DateTime? Date => ExpiryDate;

    internal override JiwaSalesDocument Document => JiwaSalesDocument.SalesQuote;
}
