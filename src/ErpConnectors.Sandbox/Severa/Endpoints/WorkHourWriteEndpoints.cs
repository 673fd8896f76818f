using System.Globalization;
using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Data;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Writes;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>
/// POST /workhours (201 + the created row), PATCH /workhours/{guid} (JSON Patch, replace only; 200 + a list
/// holding the updated row, as the vendor's diff describes "List of updated work hours"), DELETE
/// /workhours/{guid} (204). An invoiced hour cannot be changed or deleted (400 InvalidOperation). The work
/// type must be one the phase offers (GET /phases/{guid}/worktypes), and the user active.
/// </summary>
internal static class WorkHourWriteEndpoints
{
    public const decimal MaxQuantity = 24m;
    public const int MaxDescriptionLength = 4000;

    private static readonly string[] PatchableFields =
        ["description", "quantity", "eventDate", "phase", "workType", "user", "unitPrice", "isBillable"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Map(HttpMethods.Post, "/workhours", SeveraScopes.HoursWrite, context => CreateAsync(context, severa));
        routes.Map(HttpMethods.Patch, "/workhours/{guid}", SeveraScopes.HoursWrite, context => PatchAsync(context, severa));
        routes.Map(HttpMethods.Delete, "/workhours/{guid}", SeveraScopes.HoursDelete, context => Task.FromResult(Delete(context, severa)));
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var body = await SeveraBody.ReadAsync(context).ConfigureAwait(false);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw SeveraErrors.InvalidParameter(null, "The body must be a work hour: a JSON object.");
        }

        var input = new InputReader(severa);
        var eventDate = Required(body, "eventDate", input, v => input.Date(v, "eventDate"));
        var quantity = Required(body, "quantity", input, v => input.Number(v, "quantity", 0m, MaxQuantity));
        var phase = Required(body, "phase", input, v => input.Phase(v, "phase"));
        var user = Required(body, "user", input, v => input.User(v, "user"));
        var workType = Required(body, "workType", input, v => input.WorkType(v, "workType"));
        var description = body.TryGet("description", out var d) ? input.Text(d, "description", MaxDescriptionLength) : null;
        var unitPrice = body.TryGet("unitPrice", out var p) && p.ValueKind != JsonValueKind.Null ? input.Money(p, "unitPrice") : null;
        var isBillable = body.TryGet("isBillable", out var b) && b.ValueKind != JsonValueKind.Null ? input.Bool(b, "isBillable") : true;
        input.ThrowIfInvalid();

        CheckConsistent(severa, input, phase!.Value, workType!.Value, user!.Value);
        var now = severa.Now();
        var created = severa.WorkHourStore.Add(guid => Build(
            severa,
            guid,
            eventDate!.Value,
            description,
            quantity!.Value,
            user.Value,
            phase.Value,
            workType.Value,
            isBillable ?? true,
            isInvoiced: false,
            unitPrice ?? SeveraMoneyExtensions.Eur(severa.Data.WorkTypes[workType.Value].HourlyPrice),
            now,
            now));
        return SeveraJson.Created(created, $"{SeveraSystem.BasePath}/workhours/{created.Guid:D}");
    }

    private static async Task<IResult> PatchAsync(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var current = severa.GetWorkHour(guid) ?? throw SeveraErrors.NotFound("Work hour", guid);
        var operations = JsonPatch.Parse(await SeveraBody.ReadAsync(context).ConfigureAwait(false), PatchableFields);

        var data = severa.Data;
        var input = new InputReader(severa);
        var eventDate = current.EventDate;
        var description = current.Description;
        var quantity = current.Quantity;
        var user = data.UserIndex(current.User.Guid);
        var phase = data.PhaseIndex(current.Phase.Guid);
        var workType = data.WorkTypeIndex(current.WorkType.Guid);
        var unitPrice = current.UnitPrice;
        var isBillable = current.IsBillable;
        foreach (var operation in operations)
        {
            var value = operation.Value;
            switch (operation.Field)
            {
                case "description": description = input.Text(value, "description", MaxDescriptionLength); break;
                case "quantity": quantity = input.Number(value, "quantity", 0m, MaxQuantity) ?? quantity; break;
                case "eventDate": eventDate = input.Date(value, "eventDate") ?? eventDate; break;
                case "phase": phase = input.Phase(value, "phase") ?? phase; break;
                case "workType": workType = input.WorkType(value, "workType") ?? workType; break;
                case "user": user = input.User(value, "user") ?? user; break;
                case "unitPrice": unitPrice = input.Money(value, "unitPrice") ?? unitPrice; break;
                case "isBillable": isBillable = input.Bool(value, "isBillable") ?? isBillable; break;
            }
        }

        input.ThrowIfInvalid();
        CheckConsistent(severa, input, phase, workType, user);
        var updated = severa.WorkHourStore.Update(guid, row =>
        {
            CheckModifiable(row);
            return Build(severa, row.Guid, eventDate, description, quantity, user, phase, workType, isBillable, row.IsInvoiced, unitPrice, row.CreatedDateTime, severa.Now());
        }) ?? throw SeveraErrors.NotFound("Work hour", guid);
        return SeveraJson.Ok(new[] { updated });
    }

    private static IResult Delete(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        return severa.WorkHourStore.Remove(guid, CheckModifiable) ? Results.NoContent() : throw SeveraErrors.NotFound("Work hour", guid);
    }

    private static void CheckModifiable(SeveraWorkHour row)
    {
        if (row.IsInvoiced)
        {
            throw SeveraErrors.InvalidOperation(string.Create(
                CultureInfo.InvariantCulture,
                $"Work hour '{row.Guid:D}' is invoiced and cannot be modified or deleted."));
        }
    }

    /// <summary>The references must fit together: the work type offered on the phase, the user active.</summary>
    private static void CheckConsistent(SeveraSandbox severa, InputReader input, int phase, int workType, int user)
    {
        var data = severa.Data;
        if (!data.Graph.WorkTypesOfPhase(phase).Contains(workType))
        {
            input.Fail("workType.guid", $"Work type '{data.WorkTypes[workType].Name}' is not available on phase '{data.Phases[phase].Name}' (see GET /phases/{{guid}}/worktypes).");
        }

        if (!data.Users[user].IsActive)
        {
            input.Fail("user.guid", $"User '{data.Users[user].Name}' is not active.");
        }

        input.ThrowIfInvalid();
    }

    private static T? Required<T>(JsonElement body, string name, InputReader input, Func<JsonElement, T?> read)
        where T : struct
    {
        if (!body.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            input.Fail(name, $"{name} is required.");
            return null;
        }

        return read(value);
    }

    private static SeveraWorkHour Build(
        SeveraSandbox severa,
        Guid guid,
        DateOnly eventDate,
        string? description,
        decimal quantity,
        int user,
        int phase,
        int workType,
        bool isBillable,
        bool isInvoiced,
        SeveraMoney unitPrice,
        DateTimeOffset created,
        DateTimeOffset updated)
    {
        var data = severa.Data;
        var phaseRow = data.Phases[phase];
        var project = data.Graph.PhaseProjectIndex[phase];
        var workTypeRow = data.WorkTypes[workType];
        return new SeveraWorkHour(
            guid,
            eventDate,
            description,
            quantity,
            Catalog.RefOf(data.Users[user]),
            new SeveraGuidName(phaseRow.Guid, phaseRow.Name),
            data.Graph.ProjectRef(project),
            data.Projects[project].Customer,
            new SeveraGuidName(workTypeRow.Guid, workTypeRow.Name),
            isBillable,
            isInvoiced,
            unitPrice,
            created,
            updated);
    }
}
