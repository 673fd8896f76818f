using System;

namespace ErpConnectors.Weavy;

/// <summary>
/// A Divalto Weavy CRM data API connection. Returned by Connect-Weavy -PassThru. Shows the project, the user, the
/// region and when the token expires; never the token or the password.
/// </summary>
public sealed class WeavyConnection : ErpConnection
{
    public WeavyConnection(Uri baseUri, string projectCode, string userName, WeavyRegion region, string? companyCode)
        : base("Weavy", baseUri, userName)
    {
        ProjectCode = projectCode;
        UserName = userName;
        Region = region;
        CompanyCode = companyCode;
    }

    public string ProjectCode { get; }

    public string UserName { get; }

    public WeavyRegion Region { get; }

    /// <summary>The company reads and imports address unless a cmdlet's -CompanyCode says otherwise.</summary>
    public string? CompanyCode { get; }

    /// <summary>When the user's password expires, as the server said at sign-in.</summary>
    public DateTimeOffset? PasswordExpiresOn { get; internal set; }
}
