namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>An inventory item (product) as GET /Inventory/{InventoryID} and /Queries/InventoryList answer it.</summary>
internal sealed record InventoryItem
{
    public const string Active = "Active";
    public const string Discontinued = "Discontinued";

    public required string InventoryID { get; init; }

    public required string PartNo { get; init; }

    public required string Description { get; init; }

    public required string Status { get; init; }

    public decimal DefaultPrice { get; init; }

    public decimal QuantityOnHand { get; init; }

    public DateTime LastSavedDateTime { get; init; }
}
