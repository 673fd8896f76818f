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
/// type must be one the phase offers (GET /phases/{guid}/worktypes), and the user active. The fields read are the
/// published OpenAPI's WorkHourInputModel ones the emulation keeps (quantity may be left out when startTime and
/// endTime give it); any other field is ignored, as the vendor's model binding ignores it.
/// </summary>
internal static class WorkHourWriteEndpoints
{
    public const decimal MaxQuantity = 24m;
    public const int MaxDescriptionLength = 4000;

    private static readonly string[] PatchableFields =
        ["description", "quantity", "eventDate", "phase", "workType", "user", "unitPrice", "isBillable", "startTime", "endTime", "overtime", "invoiceQuantity", "invoiceRowDescription"];

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
        var extra = new Extra(
            Optional(body, "startTime", v => input.Timestamp(v, "startTime")),
            Optional(body, "endTime", v => input.Timestamp(v, "endTime")),
            Optional(body, "overtime", v => input.Overtime(v, "overtime")),
            Optional(body, "invoiceQuantity", v => input.Number(v, "invoiceQuantity", 0m, MaxQuantity)),
            body.TryGet("invoiceRowDescription", out var r) ? input.Text(r, "invoiceRowDescription", MaxDescriptionLength) : null);
        var hours = extra.Hours(input);
        var quantity = body.TryGet("quantity", out var q) && q.ValueKind != JsonValueKind.Null ? input.Number(q, "quantity", 0m, MaxQuantity) : hours;
        if (quantity is null && (extra.StartTime is null || extra.EndTime is null))
        {
            input.Fail("quantity", "quantity is required (or startTime and endTime, which give it).");
        }

        var phase = Required(body, "phase", input, v => input.Phase(v, "phase"));
        var user = Required(body, "user", input, v => input.User(v, "user"));
        var workType = Required(body, "workType", input, v => input.WorkType(v, "workType"));
        var description = body.TryGet("description", out var d) ? input.Text(d, "description", MaxDescriptionLength) : null;
        var unitPrice = body.TryGet("unitPrice", out var p) && p.ValueKind != JsonValueKind.Null ? input.Money(p, "unitPrice") : null;
        var isBillable = Optional(body, "isBillable", v => input.Bool(v, "isBillable"));
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
            now,
            extra));
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
        var startTime = current.StartTime;
        var endTime = current.EndTime;
        int? overtime = current.Overtime is { } o ? data.OvertimeIndex(o.Guid) : null;
        var invoiceQuantity = current.InvoiceQuantity;
        var invoiceRowDescription = current.InvoiceRowDescription;
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
                case "startTime": startTime = value.ValueKind == JsonValueKind.Null ? null : input.Timestamp(value, "startTime") ?? startTime; break;
                case "endTime": endTime = value.ValueKind == JsonValueKind.Null ? null : input.Timestamp(value, "endTime") ?? endTime; break;
                case "overtime": overtime = value.ValueKind == JsonValueKind.Null ? null : input.Overtime(value, "overtime") ?? overtime; break;
                case "invoiceQuantity": invoiceQuantity = value.ValueKind == JsonValueKind.Null ? null : input.Number(value, "invoiceQuantity", 0m, MaxQuantity) ?? invoiceQuantity; break;
                case "invoiceRowDescription": invoiceRowDescription = input.Text(value, "invoiceRowDescription", MaxDescriptionLength); break;
            }
        }

        var extra = new Extra(startTime, endTime, overtime, invoiceQuantity, invoiceRowDescription);
        extra.Hours(input);
        input.ThrowIfInvalid();
        CheckConsistent(severa, input, phase, workType, user);
        var updated = severa.WorkHourStore.Update(guid, row =>
        {
            CheckModifiable(row);
            return Build(severa, row.Guid, eventDate, description, quantity, user, phase, workType, isBillable, row.IsInvoiced, unitPrice, row.CreatedDateTime, severa.Now(), extra);
        }) ?? throw SeveraErrors.NotFound("Work hour", guid);
        return SeveraJson.Ok(new[] { updated });
    }

    private static IResult Delete(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        return severa.WorkHourStore.Remove(guid, CheckModifiable, severa.Now()) ? Results.NoContent() : throw SeveraErrors.NotFound("Work hour", guid);
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

    private static T? Optional<T>(JsonElement body, string name, Func<JsonElement, T?> read)
        where T : struct =>
        body.TryGet(name, out var value) && value.ValueKind != JsonValueKind.Null ? read(value) : null;

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
        DateTimeOffset updated,
        Extra extra)
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
            updated,
            extra.StartTime,
            extra.EndTime,
            extra.Overtime is { } overtime ? new SeveraGuidName(data.Overtimes[overtime].Guid, data.Overtimes[overtime].Name) : null,
            extra.InvoiceQuantity,
            extra.InvoiceRowDescription);
    }

    /// <summary>The optional fields of WorkHourInputModel the emulation keeps, beyond the guide's example.</summary>
    private sealed record Extra(DateTimeOffset? StartTime, DateTimeOffset? EndTime, int? Overtime, decimal? InvoiceQuantity, string? InvoiceRowDescription)
    {
        /// <summary>The hours between startTime and endTime (null unless both are given); an end before the start fails.</summary>
        public decimal? Hours(InputReader input)
        {
            if (StartTime is not { } start || EndTime is not { } end)
            {
                return null;
            }

            if (end <= start)
            {
                input.Fail("endTime", "endTime must be after startTime.");
                return null;
            }

            return Math.Round((decimal)(end - start).TotalHours, 2);
        }
    }
}
