using System.Globalization;
using System.Text.Json;
using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Writes;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>
/// PATCH /invoices/{guid}: replace /status ({"guid"} of an invoice status), /number (a positive integer not
/// used by another invoice) and /referenceNumber (a string). 200 + a list holding the updated invoice (the
/// vendor's diff: "list of invoices").
/// </summary>
internal static class InvoiceWriteEndpoints
{
    public const int MaxReferenceNumberLength = 50;

    private static readonly string[] PatchableFields = ["status", "number", "referenceNumber"];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa) =>
        routes.Map(HttpMethods.Patch, "/invoices/{guid}", SeveraScopes.InvoicesWrite, context => PatchAsync(context, severa));

    private static async Task<IResult> PatchAsync(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var current = severa.GetInvoice(guid) ?? throw SeveraErrors.NotFound("Invoice", guid);
        var operations = JsonPatch.Parse(await SeveraBody.ReadAsync(context).ConfigureAwait(false), PatchableFields);

        var input = new InputReader(severa);
        var status = current.Status;
        var number = current.Number;
        var reference = current.ReferenceNumber;
        foreach (var operation in operations)
        {
            var value = operation.Value;
            switch (operation.Field)
            {
                case "status":
                    if (input.InvoiceStatus(value, "status") is { } index)
                    {
                        var row = severa.Data.InvoiceStatuses[index];
                        status = new SeveraGuidName(row.Guid, row.Name);
                    }

                    break;
                case "number":
                    number = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n > 0
                        ? n
                        : Fail<int?>(input, "number", "number must be a positive integer.", number);
                    break;
                case "referenceNumber":
                    reference = input.Text(value, "referenceNumber", MaxReferenceNumberLength);
                    break;
            }
        }

        input.ThrowIfInvalid();
        var updated = severa.InvoiceStore.Update(guid, (row, all) =>
        {
            if (number is { } wanted && wanted != row.Number && all.Any(other => other.Number == wanted))
            {
                throw SeveraErrors.InvalidParameter("number", string.Create(CultureInfo.InvariantCulture, $"Invoice number {wanted} is already in use."));
            }

            return row with { Status = status, Number = number, ReferenceNumber = reference, LastUpdatedDateTime = severa.Now() };
        }) ?? throw SeveraErrors.NotFound("Invoice", guid);
        return SeveraJson.Ok(new[] { updated });
    }

    private static T Fail<T>(InputReader input, string location, string message, T keep)
    {
        input.Fail(location, message);
        return keep;
    }
}
