using ErpConnectors.Sandbox.Jiwa.Http;

namespace ErpConnectors.Sandbox.Jiwa.Endpoints;

/// <summary>
/// GET /Inventory/{InventoryID}: 200 + the item, or 204 No Content for an id that names none (chosen: the
/// vendor's "unless there was nothing to return, then a 204 No Content will be returned", where debtors and
/// sales orders answer 404). Inventory is not edited statefully; the header is ignored.
/// </summary>
internal static class InventoryEndpoints
{
    public static void Map(JiwaRoutes routes, JiwaSandbox jiwa) => routes.Get("/Inventory/{id}", context =>
        jiwa.Records.Inventory.Get(JiwaRequest.Id(context)) is { } item ? JiwaJson.Ok(item.Record) : Results.NoContent());
}
