using System;
using System.Collections.Generic;

namespace ErpConnectors.Jiwa;

/// <summary>
/// The properties of Jiwa's SalesOrderLine and SalesQuoteLine DTOs (JiwaFinancials/JiwaMCPServer and
/// RosedaleCustomerPortal, Jiwadtos.dtos.cs). ServiceStack drops a property its DTO does not have without a word,
/// so a line key outside these is lost on a real server: the cmdlets warn about it (chosen: warn and send, not
/// refuse, so a field added by a newer Jiwa still goes through).
/// </summary>
internal static class JiwaLineFields
{
    private static readonly string[] Shared =
    {
        "ItemNo", "InventoryID", "PartNo", "Description", "CommentLine", "CommentText", "QuantityOrdered",
        "PriceExGst", "FXPriceExGst", "PriceIncGst", "FXPriceIncGst", "DiscountedPrice", "FXDiscountedPrice",
        "TaxToCharge", "FXTaxToCharge", "TaxRate", "UnitCost", "LineLinkID", "FixSellPrice",
        "UserDefinedFloat1", "UserDefinedFloat2", "UserDefinedFloat3", "LineTotal", "FXLineTotal", "Weight", "Cubic",
        "DiscountedPercentage", "DiscountGiven", "FXDiscountGiven", "QuantityDecimalPlaces", "QuantityOriginalOrdered",
        "NonInventory", "CustomFieldValues", "KitLineType", "KitUnits", "KitHeaderLineID", "UnitOfMeasure", "SKUUnitName",
    };

    public static readonly ISet<string> SalesOrderLine = Set(
        "InvoiceLineID", "QuantityPreviousDemand", "QuantityDemand", "QuantityPreviousDelivery", "QuantityThisDel", "QuantityBackOrd",
        "Picked", "FixPrice", "ForwardOrderDate", "ScheduledDate", "QuotedDiscountedPrice", "FXQuotedDiscountedPrice",
        "QuotedDiscountPercentage", "SalesOrderSerialStockSelectionTypes", "PreviousSnapInvoiceLineID", "Aux2",
        "EDIStoreLocationCode", "EDIDCLocationCode", "CostCenter", "Stage", "LineDetails", "ShippingLabels");

    public static readonly ISet<string> SalesQuoteLine = Set("QuoteLineID");

    /// <summary>The line's price fields: numbers, and an empty cell means "let Jiwa price it".</summary>
    public static readonly string[] Prices = { "DiscountedPrice", "PriceExGst", "PriceIncGst", "DiscountedPercentage" };

    private static ISet<string> Set(params string[] own)
    {
        var fields = new HashSet<string>(Shared, StringComparer.OrdinalIgnoreCase);
        fields.UnionWith(own);
        return fields;
    }
}
