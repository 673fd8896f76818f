using ErpConnectors.Sandbox.Qics.Data;
using ErpConnectors.Sandbox.Qics.Http;
using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Endpoints;

/// <summary>
/// One entity: GET (with $select), POST (201 + Location + the created entity, key assigned), PUT (replaces:
/// properties left out get their defaults), PATCH (changes only what is sent), both 200 with the entity
/// (chosen; "Prefer: return=minimal" makes writes 204), DELETE 204. An unknown key is 404.
/// </summary>
internal static class EntityEndpoints
{
    public static Task ReadAsync(HttpContext context, EntitySet set, long key)
    {
        var query = ODataQuery.ForEntity(context, set.Schema);
        var row = set.Find(key) ?? throw QicsErrors.EntityNotFound(set.Name, key);
        return WriteEntityAsync(context, StatusCodes.Status200OK, set, row, query.Select);
    }

    public static async Task CreateAsync(HttpContext context, TableSet set)
    {
        var body = await EntityBody.ReadAsync(context, set.Schema).ConfigureAwait(false);
        body.CheckKey(0);
        body.CheckRequired();
        var row = set.Insert(body.ApplyTo(Defaults(set.Schema, existing: null)));
        var location = ODataUrls.Entity(context, set.Name, row.Key(set.Schema));
        context.Response.Headers.Location = location;
        if (Preferences.WantsMinimal(context))
        {
            context.Response.Headers["OData-EntityId"] = location;
            Preferences.AnswerMinimal(context);
            return;
        }

        await WriteEntityAsync(context, StatusCodes.Status201Created, set, row, select: null).ConfigureAwait(false);
    }

    public static async Task UpdateAsync(HttpContext context, TableSet set, long key, bool replace)
    {
        var body = await EntityBody.ReadAsync(context, set.Schema).ConfigureAwait(false);
        body.CheckKey(key);
        if (replace)
        {
            body.CheckRequired();
        }

        var row = set.Update(key, existing => body.ApplyTo(replace ? Defaults(set.Schema, existing) : existing))
            ?? throw QicsErrors.EntityNotFound(set.Name, key);
        if (Preferences.WantsMinimal(context))
        {
            Preferences.AnswerMinimal(context);
            return;
        }

        await WriteEntityAsync(context, StatusCodes.Status200OK, set, row, select: null).ConfigureAwait(false);
    }

    public static Task DeleteAsync(HttpContext context, TableSet set, long key)
    {
        if (!set.Delete(key))
        {
            throw QicsErrors.EntityNotFound(set.Name, key);
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
        context.Response.Headers["OData-Version"] = "4.0";
        return Task.CompletedTask;
    }

    /// <summary>Every property at its default; the server's values (key, CreatedOn) kept from the existing row.</summary>
    private static Row Defaults(EntitySchema schema, Row? existing) =>
        new(schema.Properties.Select(p => KeyValuePair.Create(p.Name, p.Computed ? existing?[p.Name] : p.Default)));

    private static Task WriteEntityAsync(HttpContext context, int statusCode, EntitySet set, Row row, IReadOnlyList<EdmProperty>? select) =>
        ODataJson.WriteAsync(context, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", ODataUrls.Context(context, set.Name, select, entity: true));
            ODataJson.WriteProperties(writer, set.Schema, row, select);
            writer.WriteEndObject();
        });
}
