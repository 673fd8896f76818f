namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>
/// A debtor (customer account) as GET /Debtors/{DebtorID} answers it, by the Debtor DTO's names
/// (JiwaFinancials/JiwaMCPServer, Jiwadtos.dtos.cs): the address is Address1 to Address4 (street, unit, suburb,
/// state) and Postcode; contacts are ContactNames. Properties are in wire order; the scalar ones are also the
/// columns of /Queries/DebtorList.
/// </summary>
internal sealed record Debtor
{
    public required string DebtorID { get; init; }

    public required string AccountNo { get; init; }

    public required string Name { get; init; }

    public string? EmailAddress { get; init; }

    public string? Phone { get; init; }

    public string? Address1 { get; init; }

    public string? Address2 { get; init; }

    /// <summary>The suburb (Jiwa has no Suburb field: the third address line holds it).</summary>
    public string? Address3 { get; init; }

    /// <summary>The state (the fourth address line).</summary>
    public string? Address4 { get; init; }

    public string? Postcode { get; init; }

    public string? Country { get; init; }

    public decimal CreditLimit { get; init; }

    /// <summary>Invoices less payments and credit notes of the seeded transactions; not writable.</summary>
    public decimal CurrentBalance { get; init; }

    public bool AccountOnHold { get; init; }

    public required IReadOnlyList<DebtorContact> ContactNames { get; init; }

    public DateTime LastSavedDateTime { get; init; }
}

/// <summary>One of a debtor's contact names (DebtorContactName); exactly one per debtor is the default contact.</summary>
internal sealed record DebtorContact(string ContactNameID, string FirstName, string Surname, string EmailAddress, string Phone, bool DefaultContact);
