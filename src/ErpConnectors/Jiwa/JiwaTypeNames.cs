namespace ErpConnectors.Jiwa;

/// <summary>The PSTypeNames of Jiwa records, as constants for attributes ([OutputType], [PSTypeName]).</summary>
internal static class JiwaTypeNames
{
    public const string Debtor = "ErpConnectors.Jiwa.Debtor";
    public const string SalesOrder = "ErpConnectors.Jiwa.SalesOrder";
    public const string SalesQuote = "ErpConnectors.Jiwa.SalesQuote";
    public const string Inventory = "ErpConnectors.Jiwa.Inventory";
    public const string DebtorTransaction = "ErpConnectors.Jiwa.DebtorTransaction";
    public const string Note = "ErpConnectors.Jiwa.Note";
    public const string SalesOrderLine = "ErpConnectors.Jiwa.SalesOrderLine";
    public const string SalesQuoteLine = "ErpConnectors.Jiwa.SalesQuoteLine";
    public const string Record = "ErpConnectors.Jiwa.Record";
}
