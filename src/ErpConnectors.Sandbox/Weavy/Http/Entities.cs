using System.Text.Json;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>
/// Entity names from requests. Exact spelling (a case-only mistake gets a hint). An unknown name in a body is
/// 400; in a route it is 404, the resource not existing (chosen).
/// </summary>
internal static class Entities
{
    public static EntityDefinition Named(JsonElement body, string property, string where = "")
    {
        var name = body.RequiredString(property, where);
        return WeavyDictionary.Find(name) ?? throw WeavyErrors.UnknownEntity(name, WeavyBody.Path(where, property));
    }

    /// <summary>An entity named by a key of a body object ({"customer":[...]}).</summary>
    public static EntityDefinition Key(string name, string where) =>
        WeavyDictionary.Find(name) ?? throw WeavyErrors.UnknownEntity(name, where);

    public static EntityDefinition FromRoute(HttpContext context)
    {
        var name = (string)context.Request.RouteValues["entity"]!;
        return WeavyDictionary.Find(name) ?? throw WeavyErrors.UnknownEntity(name, status: StatusCodes.Status404NotFound);
    }
}
