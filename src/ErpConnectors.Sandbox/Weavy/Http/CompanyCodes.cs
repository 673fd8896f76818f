using System.Text.Json;

namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>
/// companyCode (optional): "by default the company of the signed-in user is used". The demo user belongs to
/// company C01 only; naming another is 403 (chosen, like another project code), matched ignoring case.
/// </summary>
internal static class CompanyCodes
{
    public static void Check(JsonElement body, string where = "")
    {
        if (body.OptionalString("companyCode", where) is { } company
            && !string.Equals(company, SandboxCredentials.WeavyCompanyCode, StringComparison.OrdinalIgnoreCase))
        {
            throw WeavyErrors.CompanyNotAllowed(company, WeavyBody.Path(where, "companyCode"));
        }
    }
}
