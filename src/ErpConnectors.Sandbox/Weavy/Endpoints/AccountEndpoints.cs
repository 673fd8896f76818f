using ErpConnectors.Sandbox.Weavy.Accounts;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Writes;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/Data/{projectCode}/Users [{"login","name","email","status"}] → 200 the resulting accounts, in request
/// order, as [{"login","name","email","status"}] (answer chosen); see <see cref="AccountWriter"/>. Every entry
/// is read before anything is written (one bad entry is 400, nothing applied).
/// </summary>
internal static class AccountEndpoints
{
    public static void Map(WeavyRoutes routes, WeavySandbox weavy) =>
        routes.Map(HttpMethods.Post, WeavyRoutes.Users, async context =>
        {
            var body = await WeavyBody.ReadArrayAsync(context).ConfigureAwait(false);
            var requests = body.EnumerateArray().Select((a, i) => AccountRequest.Read(a, WeavyBody.Index("body", i))).ToList();
            var accounts = Changeset.Run(weavy.Database, changes => AccountWriter.Apply(changes, requests, weavy.Options.LicenceCount));
            return WeavyJson.Answer(accounts.Select(a => new { login = a.Login, name = a.Name, email = a.Email, status = a.Status }).ToList());
        });
}
