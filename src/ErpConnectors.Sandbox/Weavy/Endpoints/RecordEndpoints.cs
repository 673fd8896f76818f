using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Writes;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// One record: GET (200), POST create (200 + Location + the record as stored: the production integration takes
/// any other status than 200 as a failure, so the real server answers 200; its code given in
/// &lt;entity&gt;_ID, required; a code taken, even by a logically deleted record, is 409), PUT partial (200 + the
/// record; only the given fields change; a code in the body must be the URL's, else 400), DELETE logical by
/// default or ?deleteMode=Physical (204; another deleteMode than Logical/Physical is 400). Answers for POST and
/// PUT are chosen. A code with no visible record is 404; a logically deleted record can still be deleted
/// physically.
/// </summary>
internal static class RecordEndpoints
{
    public static void Map(WeavyRoutes routes, WeavySandbox weavy)
    {
        routes.Map(HttpMethods.Get, WeavyRoutes.Record, context =>
        {
            var entity = Entities.FromRoute(context);
            var code = Code(context);
            var record = weavy.Database.FindVisible(entity, code) ?? throw WeavyErrors.RecordNotFound(entity.Name, code);
            return Task.FromResult(WeavyJson.Answer(WeavyJson.Record(record)));
        });

        routes.Map(HttpMethods.Post, WeavyRoutes.Create, async context =>
        {
            var entity = Entities.FromRoute(context);
            var row = RowInput.Read(await WeavyBody.ReadAsync(context).ConfigureAwait(false), entity, "body", requireCode: true);
            var record = Changeset.Run(weavy.Database, changes => changes.Insert(row, "body"));
            context.Response.Headers.Location = $"{context.Request.PathBase}{context.Request.Path}/{Uri.EscapeDataString(record.Code)}";
            return WeavyJson.Answer(WeavyJson.Record(record));
        });

        routes.Map(HttpMethods.Put, WeavyRoutes.Record, async context =>
        {
            var entity = Entities.FromRoute(context);
            var code = Code(context);
            var row = RowInput.Read(await WeavyBody.ReadAsync(context).ConfigureAwait(false), entity, "body", requireCode: false);
            if (row.Code is not null && !string.Equals(row.Code, code, StringComparison.OrdinalIgnoreCase))
            {
                throw WeavyErrors.InvalidValue($"body.{entity.KeyName}", $"the code is the URL's ('{code}'); a record's code cannot be changed");
            }

            var (_, record) = Changeset.Run(weavy.Database, changes => changes.Update(entity, code, row.Values));
            return WeavyJson.Answer(WeavyJson.Record(record));
        });

        routes.Map(HttpMethods.Delete, WeavyRoutes.Record, context =>
        {
            var entity = Entities.FromRoute(context);
            var code = Code(context);
            var physical = DeleteModes.IsPhysical(context);
            if (!Changeset.Run(weavy.Database, changes => changes.Delete(entity, code, physical)))
            {
                throw WeavyErrors.RecordNotFound(entity.Name, code);
            }

            return Task.FromResult(Results.NoContent());
        });
    }

    private static string Code(HttpContext context) => (string)context.Request.RouteValues["code"]!;
}
