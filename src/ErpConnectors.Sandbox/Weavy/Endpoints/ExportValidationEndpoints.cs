using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Writes;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/Data/{projectCode}/ExportValidation (one entity) → 200 {"validatedRow","rejectedRows"};
/// POST .../ExportValidations (an array of those bodies) → 200 an array of those answers, in order. Every body
/// is read before anything is applied (one bad body is 400 and nothing is validated), then all are applied in
/// one transaction (chosen).
/// </summary>
internal static class ExportValidationEndpoints
{
    public static void Map(WeavyRoutes routes, WeavySandbox weavy)
    {
        routes.Map(HttpMethods.Post, WeavyRoutes.ExportValidation, async context =>
        {
            var input = ExportValidationInput.Read(await WeavyBody.ReadAsync(context).ConfigureAwait(false), "body");
            return WeavyJson.Answer(Changeset.Run(weavy.Database, input.Apply));
        });

        routes.Map(HttpMethods.Post, WeavyRoutes.ExportValidations, async context =>
        {
            var bodies = await WeavyBody.ReadArrayAsync(context).ConfigureAwait(false);
            var inputs = bodies.EnumerateArray().Select((b, i) => ExportValidationInput.Read(b, WeavyBody.Index("body", i))).ToList();
            return WeavyJson.Answer(Changeset.Run(weavy.Database, changes => inputs.Select(i => i.Apply(changes)).ToList()));
        });
    }
}
