using ErpConnectors.Sandbox.Severa.Auth;
using ErpConnectors.Sandbox.Severa.Http;
using ErpConnectors.Sandbox.Severa.Paging;

namespace ErpConnectors.Sandbox.Severa.Endpoints;

/// <summary>
/// Invoices and invoice rows, token paged: /invoices with the v1.0 parameters (invoiceStatusGuids,
/// customerGuids, projectGuids, projectOwnerGuids, numbers, referenceNumbers, startDate/endDate on the invoice
/// date, minimum/maximumTotalExcludingTax, changedSince), /invoices/{guid}, /invoices/{guid}/invoicerows,
/// /invoicerows and /invoicerows/{guid}. PATCH /invoices/{guid} is in InvoiceWriteEndpoints.
/// </summary>
internal static class InvoiceEndpoints
{
    private static readonly string[] ListParameters =
    [
        "changedSince", "invoiceStatusGuids", "customerGuids", "projectGuids", "projectOwnerGuids", "numbers",
        "referenceNumbers", "startDate", "endDate", "minimumTotalExcludingTax", "maximumTotalExcludingTax",
    ];

    public static void Map(SeveraRoutes routes, SeveraSandbox severa)
    {
        routes.Get("/invoices", SeveraScopes.InvoicesRead, context => List(context, severa));
        routes.Get("/invoices/{guid}", SeveraScopes.InvoicesRead, context => One(context, severa));
        routes.Get("/invoices/{invoiceGuid}/invoicerows", SeveraScopes.InvoicesRead, context => RowsOfInvoice(context, severa));
        routes.Get("/invoicerows", SeveraScopes.InvoicesRead, context => AllRows(context, severa));
        routes.Get("/invoicerows/{guid}", SeveraScopes.InvoicesRead, context => OneRow(context, severa));
        InvoiceWriteEndpoints.Map(routes, severa);
    }

    private static IResult List(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.GuideRowLimit, ListParameters);
        var since = query.ChangedSince;
        var statuses = query.Guids("invoiceStatusGuids").ToHashSet();
        var customers = query.Guids("customerGuids").ToHashSet();
        var projects = query.Guids("projectGuids").ToHashSet();
        var owners = query.Guids("projectOwnerGuids").ToHashSet();
        var numbers = query.Longs("numbers").ToHashSet();
        var references = query.Strings("referenceNumbers").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var from = query.Date("startDate");
        var to = query.Date("endDate");
        var minimum = query.Decimal("minimumTotalExcludingTax");
        var maximum = query.Decimal("maximumTotalExcludingTax");
        var data = severa.Data;

        bool Matches(SeveraInvoice invoice) =>
            (since is null || invoice.LastUpdatedDateTime >= since)
            && (statuses.Count == 0 || statuses.Contains(invoice.Status.Guid))
            && (customers.Count == 0 || customers.Contains(invoice.Customer.Guid))
            && (projects.Count == 0 || projects.Contains(invoice.Project.Guid))
            && (owners.Count == 0 || owners.Contains(data.Projects[data.ProjectIndex(invoice.Project.Guid)].ProjectOwner.Guid))
            && (numbers.Count == 0 || (invoice.Number is { } n && numbers.Contains(n)))
            && (references.Count == 0 || (invoice.ReferenceNumber is { } r && references.Contains(r)))
            && (from is null || invoice.Date >= from)
            && (to is null || invoice.Date <= to)
            && (minimum is null || invoice.TotalExcludingTax.Amount >= minimum)
            && (maximum is null || invoice.TotalExcludingTax.Amount <= maximum);

        return Pager.TokenPage(context, severa, query, "invoices", (start, take) => severa.InvoiceStore.Scan(start, Matches, take));
    }

    private static IResult One(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        return SeveraJson.Ok(severa.GetInvoice(guid) ?? throw SeveraErrors.NotFound("Invoice", guid));
    }

    private static IResult RowsOfInvoice(HttpContext context, SeveraSandbox severa)
    {
        var guid = RouteValues.Guid(context, "invoiceGuid");
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.LimitedRowLimit, []);
        var index = severa.InvoiceStore.IndexOf(guid);
        if (index < 0)
        {
            throw SeveraErrors.NotFound("Invoice", guid, "invoiceGuid");
        }

        var graph = severa.Data.Graph;
        IReadOnlyList<SeveraInvoiceRow> rows = [.. graph.RowsOfInvoice[index].Select(r => graph.InvoiceRows[r])];
        return Pager.TokenPage(context, severa, query, $"invoices/{guid:D}/invoicerows", rows, _ => true);
    }

    private static IResult AllRows(HttpContext context, SeveraSandbox severa)
    {
        var query = SeveraQuery.Parse(context, PagingStyle.Token, severa.LimitedRowLimit, []);
        return Pager.TokenPage(context, severa, query, "invoicerows", severa.Data.InvoiceRows, _ => true);
    }

    private static IResult OneRow(HttpContext context, SeveraSandbox severa)
    {
        RouteValues.NoQuery(context, severa);
        var guid = RouteValues.Guid(context);
        var index = severa.Data.InvoiceRowIndex(guid);
        return index < 0 ? throw SeveraErrors.NotFound("Invoice row", guid) : SeveraJson.Ok(severa.Data.InvoiceRows[index]);
    }
}
