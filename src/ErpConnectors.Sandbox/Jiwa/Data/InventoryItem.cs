namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>
/// An inventory item (product) as GET /Inventory/{InventoryID} answers it, by the InventoryItem DTO's names
/// (DefaultPrice, RRPPrice; stock is not a field of the item but of its warehouses, so it is not on the wire here).
/// The list /Queries/InventoryItemList has its own columns (v_Jiwa_Inventory_Item_List: SellPrice, InStock...).
/// </summary>
internal sealed record InventoryItem
{
    public const string Active = "Active";
    public const string Discontinued = "Discontinued";

    public required string InventoryID { get; init; }

    public required string PartNo { get; init; }

    public required string Description { get; init; }

    public required string Status { get; init; }

    public decimal DefaultPrice { get; init; }

    /// <summary>Stock on hand over all warehouses: the list's InStock and AvailableStock, not a field of the item.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public decimal QuantityOnHand { get; init; }

    public decimal RRPPrice => Math.Round(DefaultPrice * 1.1m, 2, MidpointRounding.AwayFromZero);

    public DateTime LastSavedDateTime { get; init; }
}
