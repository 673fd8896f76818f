namespace ErpConnectors.Sandbox.Weavy.Accounts;

/// <summary>
/// The statuses of a user account (baseuser.status). The document names "actif" and "désactivé" and says
/// there are others; the third, Locked, is chosen. Only Active takes a licence.
/// </summary>
internal static class AccountStatuses
{
    public const string Active = "Active";
    public const string Disabled = "Disabled";
    public const string Locked = "Locked";

    public static readonly IReadOnlyList<string> All = [Active, Disabled, Locked];

    /// <summary>The status's canonical spelling, matched ignoring case; null when it is not one.</summary>
    public static string? Canonical(string? status) =>
        All.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase));
}
