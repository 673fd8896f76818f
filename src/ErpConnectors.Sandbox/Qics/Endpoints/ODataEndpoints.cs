using ErpConnectors.Sandbox.Qics.Data;
using ErpConnectors.Sandbox.Qics.Http;
using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Endpoints;

/// <summary>
/// {base}/V3/odata (service document) and {base}/V3/odata/{Entity} or {Entity}({key}) for every entity set:
/// one route, dispatched here on the set and the method. An unknown set is 404; a method the set does not
/// allow is 405 with Allow and a hint (detail entities are listed through their Overview; Overview entities
/// are read-only).
/// </summary>
internal static class ODataEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public static void Map(IEndpointRouteBuilder endpoints, QicsSandbox qics)
    {
        var root = QicsSystem.BasePath + QicsSystem.ODataPath;
        var info = new QicsRouteInfo(IsAuthentication: false);
        endpoints.MapMethods(root, [HttpMethods.Get], context => ServiceDocument.WriteAsync(context, qics.Catalog)).WithMetadata(info);
        endpoints.MapMethods(root + "/{resource}", Methods, context => DispatchAsync(context, qics)).WithMetadata(info);
    }

    private static Task DispatchAsync(HttpContext context, QicsSandbox qics)
    {
        var path = ResourcePath.Parse((string)context.GetRouteValue("resource")!);
        var set = qics.Catalog.Find(path.EntitySet) ?? throw UnknownEntitySet(qics.Catalog, path.EntitySet);
        var isEntity = path.KeyText is not null;
        var method = context.Request.Method;
        var allowed = set.AllowedMethods(isEntity);
        if (!allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            throw QicsErrors.MethodNotAllowed(context, allowed, Hint(qics.Catalog, set, isEntity));
        }

        if (!isEntity)
        {
            return HttpMethods.IsGet(method)
                ? QueryEndpoint.QueryAsync(context, set, qics.Options)
                : EntityEndpoints.CreateAsync(context, (TableSet)set);
        }

        var key = path.Key(set.Schema);
        return method switch
        {
            _ when HttpMethods.IsGet(method) => EntityEndpoints.ReadAsync(context, set, key),
            _ when HttpMethods.IsPut(method) => EntityEndpoints.UpdateAsync(context, (TableSet)set, key, replace: true),
            _ when HttpMethods.IsPatch(method) => EntityEndpoints.UpdateAsync(context, (TableSet)set, key, replace: false),
            _ => EntityEndpoints.DeleteAsync(context, (TableSet)set, key),
        };
    }

    private static QicsApiException UnknownEntitySet(QicsCatalog catalog, string name)
    {
        var near = catalog.FindIgnoringCase(name);
        return QicsErrors.NotFound(near is null
            ? $"The entity set '{name}' does not exist. Entity sets: {string.Join(", ", catalog.All.Select(s => s.Name))}."
            : $"The entity set '{name}' does not exist: names are case-sensitive ('{near.Name}').");
    }

    private static string? Hint(QicsCatalog catalog, EntitySet set, bool isEntity)
    {
        if (!set.IsWritable)
        {
            return $"{set.Name} is an Overview entity: read-only. Write {set.Name["Overview".Length..]} instead.";
        }

        return !isEntity && !set.IsQueryable && catalog.OverviewOf(set) is { } overview
            ? $"{set.Name} is read by key only ({set.Name}(id)); query {overview.Name} for lists."
            : null;
    }
}
