namespace ErpConnectors.Sandbox;

/// <summary>
/// A work hour. An invoiced one (isInvoiced) cannot be modified or deleted, which the vendor documents
/// ("work hours can't be changed after they are invoiced"); isModifiable says the same.
/// </summary>
public sealed record SeveraWorkHour(
    Guid Guid,
    DateOnly EventDate,
    string? Description,
    decimal Quantity,
    SeveraUserRef User,
    SeveraGuidName Phase,
    SeveraProjectRef Project,
    SeveraGuidName Customer,
    SeveraGuidName WorkType,
    bool IsBillable,
    bool IsInvoiced,
    SeveraMoney UnitPrice,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime)
{
    public bool IsModifiable => !IsInvoiced;
}
