using ErpConnectors.Sandbox.Qics.Data;
using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Endpoints;

/// <summary>GET {base}/V3/odata: the OData service document listing the entity sets (handy as a connection test).</summary>
internal static class ServiceDocument
{
    public static Task WriteAsync(HttpContext context, QicsCatalog catalog) =>
        ODataJson.WriteAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", ODataUrls.ServiceRoot(context) + "/$metadata");
            writer.WriteStartArray("value");
            foreach (var set in catalog.All)
            {
                writer.WriteStartObject();
                writer.WriteString("name", set.Name);
                writer.WriteString("kind", "EntitySet");
                writer.WriteString("url", set.Name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}
