using System.Text.Json.Serialization;

namespace ErpConnectors.Sandbox;

// The records below are the emulation's wire models (serialised camelCase) and what tests read back through
// SeveraSandbox; property order is the order on the wire.

/// <summary>A reference to another record: {"guid","name"}.</summary>
public sealed record SeveraGuidName(Guid Guid, string Name);

/// <summary>A reference by guid only: {"guid"}.</summary>
public sealed record SeveraGuidRef(Guid Guid);

/// <summary>The money output model; multiCurrencyInfo is null in this single-currency (EUR) organisation.</summary>
public sealed record SeveraMoney(decimal Amount, string CurrencyCode)
{
    public object? MultiCurrencyInfo => null;
}

public sealed record SeveraCountry(Guid Guid, string Name, string Code);

/// <summary>{"type","value"}: how to reach a contact person.</summary>
public sealed record SeveraCommunicationMethod(string Type, string Value);

/// <summary>The user reference on a work hour.</summary>
public sealed record SeveraUserRef(Guid Guid, string Name, string FirstName, string LastName);

/// <summary>The project reference on a work hour or invoice: {"guid","name","number"}.</summary>
public sealed record SeveraProjectRef(Guid Guid, string Name, int Number);

internal static class SeveraMoneyExtensions
{
    public const string OrganizationCurrency = "EUR";

    public static SeveraMoney Eur(decimal amount) => new(amount, OrganizationCurrency);
}

/// <summary>The headquarter address summary inside a customer.</summary>
public sealed record SeveraAddressSummary(
    Guid Guid,
    [property: JsonPropertyName("addressline")] string Addressline,
    string PostalCode,
    string City,
    SeveraCountry Country);
