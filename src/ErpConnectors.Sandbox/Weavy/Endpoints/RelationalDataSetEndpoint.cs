using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Writes;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/Data/{projectCode}/RelationalDataSet {"noResultData","data":{entity:[rows]},"deletes":{entity:[codes]},
/// "relations":[...]} → 200 {"addedRow","updatedRow","deletedRow","data":{entity:[rows as stored]}} (answer
/// chosen; "data" left out when noResultData is true). Atomic. Applied in this order (chosen): data upserted
/// on &lt;entity&gt;_ID (required in each row, as the document says; "data" and "deletes" may each be left out), then relations (see <see cref="RelationInput"/>), then
/// deletes (logical, as DELETE's default; unknown or already deleted codes skipped and not counted). The
/// answer's data holds the data's rows as stored after the relations, in the order sent; a stored record a
/// relation changed counts as updated but is not listed.
/// </summary>
internal static class RelationalDataSetEndpoint
{
    public static void Map(WeavyRoutes routes, WeavySandbox weavy) =>
        routes.Map(HttpMethods.Post, WeavyRoutes.RelationalDataSet, async context =>
        {
            var body = await WeavyBody.ReadObjectAsync(context).ConfigureAwait(false);
            var noResultData = body.OptionalBoolean("noResultData");
            var data = EntityArrays.ReadOptional(body, "data").Select(s => (s.Entity, Rows: RowBatch.Read(s.Items, s.Entity, s.Where))).ToList();
            var deletes = EntityArrays.ReadOptional(body, "deletes").Select(l => (l.Entity, Codes: EntityArrays.Codes(l.Items, l.Where))).ToList();
            var relations = body.OptionalArray("relations").Select((r, i) => RelationInput.Read(r, WeavyBody.Index("relations", i))).ToList();

            var (tally, deleted, stored) = Changeset.Run(weavy.Database, changes =>
            {
                var outcomes = new OutcomeTally().UpsertAll(changes, data);

                foreach (var relation in relations)
                {
                    if (changes.FindVisible(relation.Target, relation.TargetCode) is null)
                    {
                        throw WeavyErrors.InvalidValue(WeavyBody.Path(relation.Where, "TargetRowCode"), $"no {relation.Target.Name} has the code '{relation.TargetCode}'");
                    }

                    var (outcome, _) = changes.Update(relation.Target, relation.TargetCode, new Dictionary<string, object?> { [relation.TargetField.Name] = relation.SourceCode });
                    outcomes.Note(relation.Target, relation.TargetCode, outcome);
                }

                var deletedRows = deletes.Sum(l => l.Codes.Count(code => changes.Delete(l.Entity, code, physical: false)));
                var rowsAsStored = data.ToDictionary(
                    d => d.Entity.Name,
                    d => d.Rows.Select(r => changes.Find(d.Entity, r.Row.Code!)).OfType<WeavyRecord>().Select(r => WeavyJson.Record(r)).ToList());
                return (outcomes, deletedRows, rowsAsStored);
            });

            var answer = new Dictionary<string, object>
            {
                ["addedRow"] = tally.Added,
                ["updatedRow"] = tally.Updated,
                ["deletedRow"] = deleted,
            };
            if (!noResultData)
            {
                answer["data"] = stored;
            }

            return WeavyJson.Answer(answer);
        });
}
