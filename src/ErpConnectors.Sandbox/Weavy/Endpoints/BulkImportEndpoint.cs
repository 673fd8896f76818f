using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Writes;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/Data/{projectCode}/BulkImport {"entityName","rows":[...]} → 200
/// {"addedRow","updatedRow","statistics"}: an atomic upsert on &lt;entity&gt;_ID of at most 1000 rows (more is
/// 400). A bad row (unknown field, a value not in its type's format, a missing code, a foreign key naming
/// nothing) refuses the whole batch with 400 naming the row and field; nothing is applied. Rows identical to
/// the stored record count as neither added nor updated (differential, chosen).
/// </summary>
internal static class BulkImportEndpoint
{
    public const int MaxRows = 1000;

    public static void Map(WeavyRoutes routes, WeavySandbox weavy) =>
        routes.Map(HttpMethods.Post, WeavyRoutes.BulkImport, async context =>
        {
            weavy.CountBulkImportRequest();
            var statistics = new ImportStatistics();
            var body = await WeavyBody.ReadObjectAsync(context).ConfigureAwait(false);
            var entity = Entities.Named(body, "entityName");
            var rows = WeavyBody.ExpectArray(body.Required("rows"), "rows").EnumerateArray().ToList();
            if (rows.Count > MaxRows)
            {
                throw WeavyErrors.LimitExceeded("rows", rows.Count, MaxRows);
            }

            var batch = RowBatch.Read(rows, entity, "rows");
            var (added, updated) = statistics.Run(
                weavy.Database,
                changes =>
                {
                    var outcomes = batch.Select(b => changes.Upsert(b.Row, b.Where).Outcome).ToList();
                    return (outcomes.Count(o => o == WriteOutcome.Added), outcomes.Count(o => o == WriteOutcome.Updated));
                },
                result => result.Item1 + result.Item2);
            weavy.CountAppliedBulkImport();
            return WeavyJson.Answer(new { addedRow = added, updatedRow = updated, statistics = statistics.ToWire() });
        });
}
