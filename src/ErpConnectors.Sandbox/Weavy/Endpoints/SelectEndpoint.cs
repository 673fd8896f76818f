using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Select;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// POST v1/Data/{projectCode}/Select → 200 and a bare JSON array of records (see <see cref="SelectQuery"/>), at
/// most <see cref="WeavySandboxOptions.SelectPageCap"/> of them when that is set.
/// </summary>
internal static class SelectEndpoint
{
    public static void Map(WeavyRoutes routes, WeavySandbox weavy) =>
        routes.Map(HttpMethods.Post, WeavyRoutes.Select, async context =>
        {
            weavy.CountSelectRequest();
            var query = SelectQuery.Read(await WeavyBody.ReadObjectAsync(context).ConfigureAwait(false));
            var rows = query.Run(weavy.Database.Visible(query.Entity));
            var cap = weavy.Options.SelectPageCap;
            var page = (cap > 0 ? rows.Take(cap) : rows).Select(r => WeavyJson.Record(r, query.ReturnFields)).ToList();
            return WeavyJson.Answer(page);
        });
}
