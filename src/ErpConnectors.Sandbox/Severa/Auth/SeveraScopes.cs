namespace ErpConnectors.Sandbox.Severa.Auth;

/// <summary>The scope names of the guide's scope table and the published OpenAPI's, and the ones the emulated endpoints require.</summary>
internal static class SeveraScopes
{
    public const string CustomersRead = "customers:read";
    public const string UsersRead = "users:read";
    public const string ProjectsRead = "projects:read";
    public const string HoursRead = "hours:read";
    public const string HoursWrite = "hours:write";
    public const string HoursDelete = "hours:delete";
    public const string InvoicesRead = "invoices:read";
    public const string InvoicesWrite = "invoices:write";
    public const string SettingsRead = "settings:read";

    public static readonly IReadOnlyList<string> All =
    [
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
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string scope) => Known.Contains(scope);

    /// <summary>How scope lists are written into X-Accepted-OAuth-Scopes and X-OAuth-Scopes (chosen: ", ").</summary>
    public static string HeaderValue(IEnumerable<string> scopes) => string.Join(", ", scopes);
}
