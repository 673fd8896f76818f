using System;
using ErpConnectors.Core.Paging;

namespace ErpConnectors.Severa;

/// <summary>
/// Everything the Severa connector knows about the wire, in one place: hosts, routes, paging style per route,
/// scopes, limits and record type names. Corrections for a real server belong here, not in the cmdlets.
/// </summary>
internal static class SeveraApi
{
    public const string SystemName = "Severa";

    public static readonly Uri ProductionUri = new("https://api.severa.visma.com/rest-api/v1.0");
    public static readonly Uri TestUri = new("https://api.severa.stag.visma.com/rest-api/v1.0");
    public const string SandboxPath = "severa/rest-api/v1.0";

    /// <summary>Fair use: at most 10 calls per second per client id.</summary>
    public const int RequestsPerSecond = 10;

    /// <summary>The largest -PageSize a cmdlet takes: the guide's rowCount maximum.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// rowCount per list (chosen): the guide says "maximum 1000" for every list, the published OpenAPI says
    /// "maximum 100" on most. Without -PageSize each list asks the lower of the two where the OpenAPI gives one, so
    /// the request is within every reading (a server that refuses more, or cuts the page silently, both work);
    /// the lists the OpenAPI gives no maximum ask 1000. Keys are the route with each guid written as {}.
    /// </summary>
    private static readonly System.Collections.Generic.Dictionary<string, int> RowCountMaxima = new(StringComparer.OrdinalIgnoreCase)
    {
        ["customers"] = 1000,
        ["users"] = 1000,
        ["invoices"] = 1000,
        ["phases/{}/worktypes"] = 1000,
        ["contactpersons"] = 100,
        ["customers/{}/contactpersons"] = 100,
        ["addresses"] = 100,
        ["invoicestatuses"] = 100,
        ["projects"] = 100,
        ["customers/{}/projects"] = 100,
        ["phases"] = 100,
        ["workhours"] = 100,
        ["users/{}/workhours"] = 100,
        ["projects/{}/workhours"] = 100,
        ["invoices/{}/invoicerows"] = 100,
        ["deletedworkhours"] = 100,
    };

    /// <summary>The documented maximum rowCount of a list route; 100 (the OpenAPI's usual maximum) for routes not in the table.</summary>
    public static int MaxRowCount(string route) =>
        RowCountMaxima.TryGetValue(GuidPattern.Replace(route.Trim('/'), "{}"), out int max) ? max : 100;

    private static readonly System.Text.RegularExpressions.Regex GuidPattern =
        new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    // Routes (relative to the base URI).
    public const string Token = "token";
    public const string RefreshToken = "refreshtoken";
    public const string Customers = "customers";
    public const string ContactPersons = "contactpersons";
    public const string Addresses = "addresses";
    public const string Users = "users";
    public const string Projects = "projects";
    public const string Phases = "phases";
    public const string WorkHours = "workhours";
    public const string Invoices = "invoices";
    public const string InvoiceRows = "invoicerows";
    public const string InvoiceStatuses = "invoicestatuses";
    public const string DeletedWorkHours = "deletedworkhours";

    public static string One(string collection, Guid guid) => $"{collection}/{guid:D}";

    /// <summary>The property every Severa record is identified by.</summary>
    public const string IdProperty = "guid";

    /// <summary>How a request body refers to another record: {"guid": "..."}.</summary>
    public static System.Collections.Specialized.OrderedDictionary Reference(Guid guid) => new() { ["guid"] = guid };

    public static string CustomerContactPersons(Guid customer) => $"customers/{customer:D}/contactpersons";

    public static string CustomerProjects(Guid customer) => $"customers/{customer:D}/projects";

    public static string ProjectPhasesWithHierarchy(Guid project) => $"projects/{project:D}/phaseswithhierarchy";

    public static string PhaseWorkTypes(Guid phase) => $"phases/{phase:D}/worktypes";

    public static string UserWorkHours(Guid user) => $"users/{user:D}/workhours";

    public static string ProjectWorkHours(Guid project) => $"projects/{project:D}/workhours";

    public static string InvoiceRowsOf(Guid invoice) => $"invoices/{invoice:D}/invoicerows";

    // Paging: token paging (v1.0 default) and row paging (contact persons, addresses, settings lists).
    public static PagingStrategy TokenPaging() => new HeaderTokenPaging("rowCount", "NextPageToken", "pageToken");

    /// <summary>
    /// Row paging ends at an empty page only (chosen): the guide calls a page shorter than rowCount the last, but
    /// a server that cuts rowCount to a lower maximum without saying so makes every page short. No total to
    /// page by is documented (calculateRowCount names no field or header), so this costs one extra call per list.
    /// </summary>
    public static PagingStrategy RowPaging() => new OffsetPaging("firstRow", "rowCount", shortPageEnds: false);

    // Scopes: the guide's scope table and the published OpenAPI's (OAuth2 clientCredentials scopes), merged. The
    // OpenAPI adds files:write, files:delete, resourceallocations:write, resourceallocations:delete; the guide
    // adds absences:*. A name in neither is still sent, with a warning (chosen): the server has the last word.
    public static readonly string[] AllScopes =
    {
        "customers:read", "customers:write", "customers:delete",
        "projects:read", "projects:write", "projects:delete",
        "invoices:read", "invoices:write", "invoices:delete",
        "hours:read", "hours:write", "hours:delete",
        "travels:read", "travels:write", "travels:delete",
        "fees:read", "fees:write", "fees:delete",
        "activities:read", "activities:write", "activities:delete",
        "absences:read", "absences:write", "absences:delete",
        "users:read", "users:write", "users:delete",
        "organization:read", "organization:write",
        "settings:read", "settings:write", "settings:delete",
        "files:read", "files:write", "files:delete",
        "resourceallocations:read", "resourceallocations:write", "resourceallocations:delete",
    };

    /// <summary>Without -Scope: read access to what the Get cmdlets cover.</summary>
    public static readonly string[] DefaultScopes =
    {
        "customers:read", "projects:read", "invoices:read", "hours:read", "users:read", "settings:read",
    };

    // PSTypeNames of the records (format views key on these).
    public const string CustomerType = "ErpConnectors.Severa.Customer";
    public const string ContactPersonType = "ErpConnectors.Severa.ContactPerson";
    public const string AddressType = "ErpConnectors.Severa.Address";
    public const string UserType = "ErpConnectors.Severa.User";
    public const string ProjectType = "ErpConnectors.Severa.Project";
    public const string PhaseType = "ErpConnectors.Severa.Phase";
    public const string WorkTypeType = "ErpConnectors.Severa.WorkType";
    public const string WorkHourType = "ErpConnectors.Severa.WorkHour";
    public const string DeletedWorkHourType = "ErpConnectors.Severa.DeletedWorkHour";
    public const string InvoiceType = "ErpConnectors.Severa.Invoice";
    public const string InvoiceRowType = "ErpConnectors.Severa.InvoiceRow";
    public const string InvoiceStatusType = "ErpConnectors.Severa.InvoiceStatus";
    public const string RecordType = "ErpConnectors.Severa.Record";
}
