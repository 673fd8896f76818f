using ErpConnectors.Sandbox.Jiwa.Data;
using ErpConnectors.Sandbox.Jiwa.Debtors;
using ErpConnectors.Sandbox.Jiwa.Http;
using ErpConnectors.Sandbox.Jiwa.Records;

namespace ErpConnectors.Sandbox.Jiwa.Endpoints;

/// <summary>
/// GET and PATCH /Debtors/{DebtorID} (both 200 + the full debtor), stateful or not, with Save and Abandon at
/// /Debtors/{DebtorID}/Save or, with <see cref="JiwaSandboxOptions.DebtorSaveRouteTakesQuery"/>, at
/// /Debtors/Save?DebtorID= (the two readings of the references).
/// </summary>
internal static class DebtorEndpoints
{
    public static void Map(JiwaRoutes routes, JiwaSandbox jiwa)
    {
        RecordResource<Debtor> Debtors() => jiwa.Records.Debtors;

        routes.Get("/Debtors/{id}", context => JiwaJson.Ok(Debtors().Read(JiwaRequest.Call(context), JiwaRequest.Id(context))));
        routes.Map(HttpMethods.Patch, "/Debtors/{id}", async context =>
        {
            var change = DebtorPatch.Read(await JiwaBody.ReadAsync(context).ConfigureAwait(false));
            return JiwaJson.Ok(Debtors().Change(JiwaRequest.Call(context), JiwaRequest.Id(context), change));
        });
        StatefulEndpoints.Map(routes, "/Debtors", Debtors, d => d, () => !jiwa.Options.DebtorSaveRouteTakesQuery);
        MapQueryForm(routes, jiwa, Debtors);
    }

    private static void MapQueryForm(JiwaRoutes routes, JiwaSandbox jiwa, Func<RecordResource<Debtor>> debtors)
    {
        string Id(HttpContext context) => context.Request.Query["DebtorID"].ToString() is { Length: > 0 } id
            ? id
            : throw JiwaErrors.Validation([JiwaErrors.Empty("DebtorID")]);
        void Check(HttpContext context)
        {
            if (!jiwa.Options.DebtorSaveRouteTakesQuery)
            {
                throw JiwaErrors.NoRoute(context.Request.Method, context.Request.Path);
            }
        }

        routes.Get("/Debtors/Save", context =>
        {
            Check(context);
            return JiwaJson.Ok(debtors().Save(JiwaRequest.Caller(context).Key, Id(context)));
        });
        routes.Delete("/Debtors/Abandon", context =>
        {
            Check(context);
            debtors().Abandon(JiwaRequest.Caller(context).Key, Id(context));
            return Results.NoContent();
        });
    }
}
