using System;
using System.Linq;
using System.Text.RegularExpressions;
using ErpConnectors.Core.Paging;

namespace ErpConnectors.Qics;

/// <summary>
/// Everything the Qics connector knows about the wire, in one place: hosts, OAuth2 routes, the OData routes and
/// paging, headers, the EntityState rules and record type names. Corrections for a real server belong here.
/// </summary>
internal static class QicsApi
{
    public const string SystemName = "Qics";

    public static readonly Uri ProductionUri = new("https://qicsmilestones.qics.nl/api");
    public const string SandboxPath = "qics/api";

    // OAuth2 (authorization code only), relative to the base URI.
    public const string Authorize = "oauth2/oauth2/auth";
    public const string Token = "oauth2/oauth2/token";

    /// <summary>
    /// The sign-in's state travels twice (chosen): as OAuth's state parameter, which the guide never promises to
    /// echo, and inside redirect_uri's own query under this name, which it promises to keep ("Additional query
    /// string parameters are allowed and are preserved in redirect"). The redirect is accepted with either.
    /// </summary>
    public const string RedirectStateParameter = "erp_state";

    /// <summary>redirect_uri for a sign-in: the listener's URI with the state in its query.</summary>
    public static Uri RedirectWithState(Uri redirectUri, string state)
    {
        var builder = new UriBuilder(redirectUri);
        string query = builder.Query.TrimStart('?');
        builder.Query = (query.Length == 0 ? string.Empty : query + "&") + RedirectStateParameter + "=" + Uri.EscapeDataString(state);
        return builder.Uri;
    }

    public const string ApiKeyHeader = "api-key";
    public const string TenantHeader = "tenant-id";

    /// <summary>OData routes: {base}/V3/odata/{Entity} and {Entity}({key}).</summary>
    public const string ODataRoot = "V3/odata";

    /// <summary>Without $top the server returns 50 rows: every list asks for a page size.</summary>
    public const int ServerDefaultTop = 50;
    public const int DefaultPageSize = 500;
    public const int MaxPageSize = 1000;

    public const string RecordTypePrefix = "ErpConnectors.Qics.";
    public const string EntityStateType = "ErpConnectors.Qics.EntityState";
    public const string EntityState = "EntityState";

    public static string Collection(string entity) => $"{ODataRoot}/{entity}";

    public static string One(string entity, long id) => $"{ODataRoot}/{entity}({id.ToString(System.Globalization.CultureInfo.InvariantCulture)})";

    /// <summary>"ErpConnectors.Qics.{Entity};ErpConnectors.Qics.Record": the kind's own name, then the generic one.</summary>
    public static string TypeName(string entity) => $"{RecordTypePrefix}{entity};{RecordType}";

    public const string RecordType = "ErpConnectors.Qics.Record";

    /// <summary>A documented entity name in its documented spelling (customer -> Customer); others as typed.</summary>
    public static string Canonical(string entity) =>
        EntityNames.FirstOrDefault(n => string.Equals(n, entity, StringComparison.OrdinalIgnoreCase)) ?? entity;

    /// <summary>
    /// The key of a piped record for <paramref name="entity"/>: its {Entity}Id property (CustomerId for Customer
    /// and OverviewCustomer records), else Id.
    /// </summary>
    public static long? KeyOf(System.Management.Automation.PSObject record, string entity)
    {
        string bare = entity.StartsWith("Overview", StringComparison.Ordinal) ? entity.Substring("Overview".Length) : entity;
        object? value = record.Properties[bare + "Id"]?.Value ?? record.Properties["Id"]?.Value;
        if (value is null)
        {
            return null;
        }

        try
        {
            return Convert.ToInt64(System.Management.Automation.PSObject.AsPSObject(value).BaseObject, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is FormatException || ex is InvalidCastException || ex is OverflowException)
        {
            return null;
        }
    }

    /// <summary>OData paging: $top/$skip, following @odata.nextLink when the server sends one.</summary>
    public static PagingStrategy Paging() => new ODataPaging("$top", "$skip", "@odata.nextLink");

    public const string ValueProperty = "value";

    /// <summary>EntityState.EntityType: the names the vendor document lists ("General" for problems bound to no entity).</summary>
    public static readonly string[] EntityTypes =
    {
        "General", "CustomerCategory", "Company", "CostCenter", "Currency", "Customer", "Department", "Employee",
        "Function", "InvoiceLayout", "InvoiceMutationReason", "IrregularityPercentage", "Item", "ItemGroup",
        "ItemMainGroup", "Material", "Project", "ProjectBudget", "ProjectContract", "ProjectMember", "ProjectTask",
        "TimesheetEntry", "User", "VatCode", "Rate", "ProjectCategory", "ProjectInstallment", "ProjectItem",
        "MaterialCompany", "EmployeeCompany", "ItemCompany", "CustomerCompany", "Role", "UserPreferences",
        "ExtendedPropertyGroup", "ExtendedProperty", "InvoiceHeader", "Competence", "ProjectState",
        "ProjectTaskBreakdown", "EmailTemplate", "ReportRole", "InvoiceLine", "PaymentCondition",
        "ItemCompanyCustomerCompany", "EmployeeCompanyItemCompany", "EntityState",
    };

    /// <summary>Entity names for completion: the documented entities, their Overview queries, and EntityState.</summary>
    public static readonly string[] EntityNames = EntityTypes
        .Where(t => t != "General")
        .SelectMany(t => t == EntityState ? new[] { t } : new[] { t, "Overview" + t })
        .OrderBy(t => t, StringComparer.OrdinalIgnoreCase)
        .ToArray();

    private static readonly Regex EntityPattern = new("^[A-Za-z][A-Za-z0-9_]{0,99}$", RegexOptions.CultureInvariant);

    /// <summary>An entity name is a path segment: letters, digits and underscores only (no slashes, no query).</summary>
    public static bool IsValidEntityName(string entity) => EntityPattern.IsMatch(entity);

    public static string? CanonicalEntityType(string value) =>
        EntityTypes.FirstOrDefault(t => string.Equals(t, value, StringComparison.OrdinalIgnoreCase));

    /// <summary>An OData string literal: single quotes, a quote inside doubled.</summary>
    public static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
}
