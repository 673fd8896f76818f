using ErpConnectors.Sandbox.Qics.Data;
using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Endpoints;

/// <summary>
/// GET on a queryable collection (Overview entities, EntityState): $filter, then $orderby (ties broken by the
/// key, so paging is stable; without $orderby the key order), then $skip and $top. Without $top the first
/// 50 rows come back (the document). With UseNextLinks, pages are server-driven: at most 50 rows each
/// (chosen: the documented page), and "@odata.nextLink" while rows remain within the request's $top. With
/// SilentTopCap, a page is cut to that many rows without a nextLink.
/// </summary>
internal static class QueryEndpoint
{
    public const int ServerPageSize = ODataQuery.DefaultTop;

    public static Task QueryAsync(HttpContext context, EntitySet set, QicsSandboxOptions options)
    {
        var query = ODataQuery.ForCollection(context, set.Schema, options.MaxTop);
        var rows = query.Filter is { } filter ? set.Rows().Where(filter) : set.Rows();
        var matching = query.OrderBy.Count > 0 ? OrderByItem.Sort(rows, query.OrderBy, set.Schema) : rows.ToList();

        // A bare array has nowhere to put a nextLink, so BareArrays turns server-driven paging off.
        var bare = options.BareArrays;
        var serverPaging = options.UseNextLinks && !bare;
        var wanted = query.Top ?? (serverPaging ? long.MaxValue : ODataQuery.DefaultTop);
        var take = serverPaging ? Math.Min(wanted, ServerPageSize) : wanted;
        if (!serverPaging && options.SilentTopCap > 0)
        {
            take = Math.Min(take, options.SilentTopCap); // QicsSandboxOptions.SilentTopCap: fewer rows, no word of it
        }

        var page = matching.Skip(Clamp(query.Skip)).Take(Clamp(take)).ToList();
        var next = query.Skip + page.Count;
        var nextLink = serverPaging && page.Count == take && next < matching.Count && wanted > take
            ? ODataUrls.NextLink(context, next, query.Top is null ? null : wanted - take)
            : null;

        return ODataJson.WriteAsync(context, 200, writer =>
        {
            if (!bare)
            {
                writer.WriteStartObject();
                writer.WriteString("@odata.context", ODataUrls.Context(context, set.Name, query.Select, entity: false));
                if (query.Count)
                {
                    writer.WriteNumber("@odata.count", matching.Count);
                }

                writer.WritePropertyName("value");
            }

            writer.WriteStartArray();
            foreach (var row in page)
            {
                writer.WriteStartObject();
                ODataJson.WriteProperties(writer, set.Schema, row, query.Select);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (!bare)
            {
                if (nextLink is not null)
                {
                    writer.WriteString("@odata.nextLink", nextLink);
                }

                writer.WriteEndObject();
            }
        });
    }

    private static int Clamp(long value) => (int)Math.Min(value, int.MaxValue);
}
