using System.Text.Json.Serialization;

namespace ErpConnectors.Sandbox;

public sealed record SeveraCustomer(
    Guid Guid,
    string Name,
    int Number,
    bool IsActive,
    bool IsInternal,
    string? Notes,
    string? Email,
    string? Website,
    string? VatNumber,
    SeveraAddressSummary HeadquarterAddress,
    SeveraGuidName CustomerOwner,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime);

public sealed record SeveraContactPerson(
    Guid Guid,
    string FirstName,
    string LastName,
    string? Email,
    string? Phone,
    string? Title,
    SeveraGuidName Customer,
    Guid AddressGuid,
    bool IsActive,
    IReadOnlyList<SeveraCommunicationMethod> CommunicationMethods,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime);

/// <summary>An address: a customer's headquarters (contact null) or a contact person's.</summary>
public sealed record SeveraAddress(
    Guid Guid,
    [property: JsonPropertyName("addressline")] string Addressline,
    string PostalCode,
    string City,
    SeveraCountry Country,
    SeveraGuidName Customer,
    SeveraGuidName? Contact,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime);

public sealed record SeveraUser(
    Guid Guid,
    string FirstName,
    string LastName,
    string Email,
    string Code,
    bool IsActive,
    SeveraGuidName BusinessUnit,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime)
{
    [JsonIgnore]
    public string Name => $"{FirstName} {LastName}";
}
