namespace ErpConnectors.Sandbox;

public sealed record SeveraInvoiceStatus(Guid Guid, string Name, bool IsActive, bool IsDefault, int SortOrder);

/// <summary>An invoice; number and referenceNumber are null while it is a Draft.</summary>
public sealed record SeveraInvoice(
    Guid Guid,
    int? Number,
    string? ReferenceNumber,
    DateOnly Date,
    DateOnly DueDate,
    SeveraGuidName Status,
    SeveraGuidName Customer,
    SeveraProjectRef Project,
    SeveraMoney TotalExcludingTax,
    SeveraMoney TotalIncludingTax,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime);

public sealed record SeveraInvoiceRow(
    Guid Guid,
    SeveraGuidRef Invoice,
    string Description,
    decimal Quantity,
    SeveraMoney UnitPrice,
    decimal VatRate,
    SeveraMoney TotalExcludingTax,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime);
