using System.Text.Json;
using ErpConnectors.Sandbox.Jiwa.Data;
using ErpConnectors.Sandbox.Jiwa.Http;

namespace ErpConnectors.Sandbox.Jiwa.Debtors;

/// <summary>
/// PATCH /Debtors/{DebtorID}: any of the writable scalar fields; a field that is absent or null stays as it is.
/// DebtorID, CurrentBalance (the ledger's sum) and LastSavedDateTime are not writable and, like any property the
/// request DTO does not have, ignored (so are Suburb and State, which the DTO lacks); so are ContactNames (chosen: the contract patches scalar fields only).
/// AccountNo must stay unique, which the store checks when the change is saved (409).
/// </summary>
internal static class DebtorPatch
{
    public static Func<Debtor, Debtor> Read(JsonElement body)
    {
        var input = new JiwaInput("DebtorPATCHRequest");
        var accountNo = input.Text(body, "AccountNo");
        var name = input.Text(body, "Name");
        var email = input.Text(body, "EmailAddress");
        var phone = input.Text(body, "Phone");
        var address1 = input.Text(body, "Address1");
        var address2 = input.Text(body, "Address2");
        var address3 = input.Text(body, "Address3");
        var address4 = input.Text(body, "Address4");
        var postcode = input.Text(body, "Postcode");
        var country = input.Text(body, "Country");
        var creditLimit = input.Decimal(body, "CreditLimit");
        var onHold = input.Bool(body, "AccountOnHold");
        if (accountNo is not null && accountNo.Trim().Length == 0)
        {
            input.Fail(JiwaErrors.Empty("AccountNo"));
        }

        if (name is not null && name.Trim().Length == 0)
        {
            input.Fail(JiwaErrors.Empty("Name"));
        }

        if (creditLimit < 0m)
        {
            input.Fail(JiwaErrors.Negative("CreditLimit"));
        }

        input.ThrowIfInvalid();
        return debtor => debtor with
        {
            AccountNo = accountNo?.Trim() ?? debtor.AccountNo,
            Name = name ?? debtor.Name,
            EmailAddress = email ?? debtor.EmailAddress,
            Phone = phone ?? debtor.Phone,
            Address1 = address1 ?? debtor.Address1,
            Address2 = address2 ?? debtor.Address2,
            Address3 = address3 ?? debtor.Address3,
            Address4 = address4 ?? debtor.Address4,
            Postcode = postcode ?? debtor.Postcode,
            Country = country ?? debtor.Country,
            CreditLimit = creditLimit ?? debtor.CreditLimit,
            AccountOnHold = onHold ?? debtor.AccountOnHold,
        };
    }

    /// <summary>The store's rule for every saved debtor: no other debtor has its account number.</summary>
    public static void CheckUnique(Debtor debtor, IEnumerable<Debtor> others)
    {
        if (others.Any(o => string.Equals(o.AccountNo, debtor.AccountNo, StringComparison.OrdinalIgnoreCase)))
        {
            throw JiwaErrors.DuplicateAccountNo(debtor.AccountNo);
        }
    }
}
