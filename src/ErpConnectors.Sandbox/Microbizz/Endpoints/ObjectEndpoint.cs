using System.Globalization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Microbizz.Data;
using ErpConnectors.Sandbox.Microbizz.Http;

namespace ErpConnectors.Sandbox.Microbizz.Endpoints;

/// <summary>
/// Every api.php/OBJECT_NAME[/OBJECT_ID] request, once the gateway has resolved the object, checked the method
/// against the object table and the token: dispatches on the object's kind.
/// </summary>
internal static class ObjectEndpoint
{
    public const string IncludeBinaryData = "include_binary_data";

    public static async Task HandleAsync(HttpContext context, MicrobizzSandbox microbizz)
    {
        var request = MicrobizzRequest.Of(context);
        var result = request.Object.Kind switch
        {
            ObjectKind.Login => await LoginEndpoint.LoginAsync(context, microbizz, request).ConfigureAwait(false),
            ObjectKind.Collection => await CollectionAsync(context, microbizz, request).ConfigureAwait(false),
            ObjectKind.Single => SingleEndpoints.Get(context, microbizz, request),
            _ => await ActionEndpoints.PostAsync(context, microbizz, request).ConfigureAwait(false),
        };
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>The id in the URL. Chosen: an id that is not a positive whole number names no object: 404.</summary>
    public static long ParseId(MicrobizzRequest request) =>
        long.TryParse(request.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw MicrobizzErrors.NotFound($"No {request.Object.Name} '{request.Id}'.");

    /// <summary>A route that takes no id was given one: there is no such object. Chosen: 404.</summary>
    public static void RefuseId(MicrobizzRequest request)
    {
        if (request.Id is not null)
        {
            throw MicrobizzErrors.NotFound($"'{request.Object.Name}' takes no object id ('{request.Id}').");
        }
    }

    /// <summary>Reads the JSON body (any Content-Type: a PHP server reads php://input as it is).</summary>
    public static Task<System.Text.Json.JsonElement> ReadBodyAsync(HttpContext context) =>
        JsonBody.ParseAsync(context, message => MicrobizzErrors.BadRequest($"The body is not valid JSON: {message}"));

    private static async Task<IResult> CollectionAsync(HttpContext context, MicrobizzSandbox microbizz, MicrobizzRequest request)
    {
        var definition = request.Object;
        var database = microbizz.Database;
        var table = database.Table(definition.Name);
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method))
        {
            var binaries = IncludeBinary(context) ? database.Files : null;
            if (request.Id is null)
            {
                var filter = ListFilter.Parse(definition, context.Request.Query);
                return RowWriter.Stream(definition, microbizz.CountListed(table.All().Where(filter.Matches)), binaries);
            }

            return RowWriter.One(definition, table.Find(ParseId(request)) ?? throw NotFound(request), binaries);
        }

        if (HttpMethods.IsDelete(method))
        {
            // Chosen: DELETE without an id is a bad request (nothing says which object), not a delete of all.
            var deleted = table.Delete(request.Id is null
                ? throw MicrobizzErrors.BadRequest($"DELETE needs an id: {definition.Name}/OBJECT_ID.")
                : ParseId(request)) ?? throw NotFound(request);
            foreach (var field in definition.Fields.Where(f => f.Type == FieldType.File))
            {
                if (deleted.GetValueOrDefault(field.Name) is long file)
                {
                    database.Files.Remove(file);
                }
            }

            return Results.NoContent();
        }

        var routeId = request.Id is null ? (long?)null : ParseId(request);
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var input = RowInput.Parse(definition, body, routeId, database);
        if (routeId is { } id)
        {
            var updated = table.Update(id, row => input.ApplyTo(row, database.Files)) ?? throw NotFound(request);
            return RowWriter.One(definition, updated, binaries: null);
        }

        input.CheckRequired(definition);
        var created = NewRow(definition);
        input.ApplyTo(created, database.Files);
        return RowWriter.One(definition, table.Create(created), binaries: null, StatusCodes.Status201Created);
    }

    /// <summary>
    /// include_binary_data: 1 includes file contents, 0 or absent does not. Chosen: anything else is 400 (a
    /// typo would otherwise silently leave the contents out).
    /// </summary>
    private static bool IncludeBinary(HttpContext context) => context.Request.Query[IncludeBinaryData].ToString() switch
    {
        "" or "0" => false,
        "1" => true,
        var other => throw MicrobizzErrors.BadRequest($"{IncludeBinaryData} takes 1 or 0, not '{other}'."),
    };

    /// <summary>
    /// A new row before the body's fields: all null, booleans false. Chosen defaults: a task starts "NEW" (the
    /// status the document's notification table names); a notification belongs to the current user.
    /// </summary>
    private static Dictionary<string, object?> NewRow(ObjectDefinition definition)
    {
        var row = definition.Fields.ToDictionary(f => f.Name, f => f.Type == FieldType.Boolean ? (object?)false : null, StringComparer.Ordinal);
        switch (definition.Name)
        {
            case MicrobizzObjects.Task:
                row["status"] = "NEW";
                break;
            case MicrobizzObjects.Notification:
                row["user_ref"] = MicrobizzSeed.CurrentUserId;
                break;
        }

        return row;
    }

    private static MicrobizzApiException NotFound(MicrobizzRequest request) =>
        MicrobizzErrors.NotFound($"No {request.Object.Name} {request.Id}.");
}
