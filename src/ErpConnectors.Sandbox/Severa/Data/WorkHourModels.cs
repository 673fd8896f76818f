namespace ErpConnectors.Sandbox;

/// <summary>
/// A work hour. An invoiced one (isInvoiced) cannot be modified or deleted, which the vendor documents
/// ("work hours can't be changed after they are invoiced"); isModifiable says the same. startTime, endTime,
/// overtime, invoiceQuantity and invoiceRowDescription are the WorkHourInputModel fields of the published OpenAPI
/// that a write may set besides the guide's example.
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
    DateTimeOffset LastUpdatedDateTime,
    DateTimeOffset? StartTime = null,
    DateTimeOffset? EndTime = null,
    SeveraGuidName? Overtime = null,
    decimal? InvoiceQuantity = null,
    string? InvoiceRowDescription = null)
{
    public bool IsModifiable => !IsInvoiced;
}

/// <summary>A deleted work hour as GET /deletedworkhours lists it (the OpenAPI's DeletedWorkHourModel).</summary>
public sealed record SeveraDeletedWorkHour(
    DateTimeOffset DeletedDateTime,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime,
    Guid Guid,
    SeveraGuidName Phase,
    SeveraProjectRef Project,
    SeveraGuidName Customer,
    SeveraUserRef User,
    SeveraGuidName WorkType,
    DateOnly EventDate,
    decimal Quantity,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime)
{
    public static SeveraDeletedWorkHour Of(SeveraWorkHour hour, DateTimeOffset deleted) => new(
        deleted, hour.CreatedDateTime, hour.LastUpdatedDateTime, hour.Guid, hour.Phase, hour.Project, hour.Customer,
        hour.User, hour.WorkType, hour.EventDate, hour.Quantity, hour.StartTime, hour.EndTime);
}

/// <summary>An overtime definition (GET /overtimes), which a work hour may refer to.</summary>
public sealed record SeveraOvertime(Guid Guid, string Name, string Code, decimal Percentage, bool IsActive);
