using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Writes;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/data/{projectCode}/{entity}/mergeData {"sourceCode","targetCode"} (body chosen) → 200 and the target
/// record as stored after the merge (the document: "un code HTTP 200 si aucune erreur ne se produit"); see
/// <see cref="RecordMerge"/>.
/// </summary>
internal static class MergeEndpoint
{
    public static void Map(WeavyRoutes routes, WeavySandbox weavy) =>
        routes.Map(HttpMethods.Post, WeavyRoutes.MergeData, async context =>
        {
            var entity = Entities.FromRoute(context);
            var body = await WeavyBody.ReadObjectAsync(context).ConfigureAwait(false);
            var source = body.RequiredString("sourceCode");
            var target = body.RequiredString("targetCode");
            var merged = Changeset.Run(weavy.Database, changes => RecordMerge.Merge(changes, entity, source, target));
            return WeavyJson.Answer(WeavyJson.Record(merged));
        });
}
