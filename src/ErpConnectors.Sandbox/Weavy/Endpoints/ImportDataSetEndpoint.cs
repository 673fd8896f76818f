using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Writes;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/Data/{projectCode}/ImportDataSet, body {entity:[rows], ...} → 200 {"addedRow","updatedRow"}
/// (answer chosen). The first entity is the main one and must hold exactly one record (400 otherwise); the
/// others hold any number of linked records. Atomic and differential: rows are matched on &lt;entity&gt;_ID
/// (required in every row), given fields updated or the row inserted; rows equal to the stored record are not
/// touched. Links are the rows' own foreign keys, checked once the whole dataset is staged (a contact may
/// name the customer the same dataset creates). Chosen: nothing is deleted, although the document's last
/// paragraph could be read as removing linked records the dataset leaves out.
/// </summary>
internal static class ImportDataSetEndpoint
{
    public static void Map(WeavyRoutes routes, WeavySandbox weavy) =>
        routes.Map(HttpMethods.Post, WeavyRoutes.ImportDataSet, async context =>
        {
            var sets = EntityArrays.Read(await WeavyBody.ReadAsync(context).ConfigureAwait(false), "body");
            if (sets.Count == 0)
            {
                throw WeavyErrors.InvalidRequest("The dataset is empty: its first entity must hold the main record.");
            }

            var (main, mainRows, mainWhere) = sets[0];
            if (mainRows.Count != 1)
            {
                throw WeavyErrors.InvalidRequest(
                    $"The main entity of a dataset (the first, '{main.Name}') must hold exactly one record, not {mainRows.Count}.",
                    mainWhere);
            }

            var batches = sets.Select(s => (s.Entity, Rows: RowBatch.Read(s.Items, s.Entity, s.Where))).ToList();
            var tally = Changeset.Run(weavy.Database, changes => new OutcomeTally().UpsertAll(changes, batches));
            return WeavyJson.Answer(new { addedRow = tally.Added, updatedRow = tally.Updated });
        });
}
