using ErpConnectors.Sandbox.Jiwa.Data;
using ErpConnectors.Sandbox.Jiwa.Debtors;
using ErpConnectors.Sandbox.Jiwa.Http;
using ErpConnectors.Sandbox.Jiwa.Records;

namespace ErpConnectors.Sandbox.Jiwa.Endpoints;

/// <summary>GET and PATCH /Debtors/{DebtorID} (both 200 + the full debtor), stateful or not, with Save and Abandon.</summary>
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
        StatefulEndpoints.Map(routes, "/Debtors", Debtors, d => d);
    }
}
