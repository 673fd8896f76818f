using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Writes;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/Data/{projectCode}/DeleteDataSet, body {entity:[codes], ...} → 200 {"deletedRow","statistics"}:
/// atomic. Chosen: logical deletes, like DELETE's default, or physical with ?deleteMode=Physical (then a
/// record still referred to refuses the whole call with 409); a code with nothing to delete (unknown, or
/// already deleted) is skipped and not counted, as a SQL DELETE counts the rows it affected, so a call whose
/// answer was lost can be sent again.
/// </summary>
internal static class DeleteDataSetEndpoint
{
    public static void Map(WeavyRoutes routes, WeavySandbox weavy) =>
        routes.Map(HttpMethods.Post, WeavyRoutes.DeleteDataSet, async context =>
        {
            var statistics = new ImportStatistics();
            var physical = DeleteModes.IsPhysical(context);
            var lists = EntityArrays.Read(await WeavyBody.ReadAsync(context).ConfigureAwait(false), "body")
                .Select(l => (l.Entity, Codes: EntityArrays.Codes(l.Items, l.Where)))
                .ToList();
            var deleted = statistics.Run(
                weavy.Database,
                changes => lists.Sum(l => l.Codes.Count(code => changes.Delete(l.Entity, code, physical))),
                count => count);
            return WeavyJson.Answer(new { deletedRow = deleted, statistics = statistics.ToWire() });
        });
}
