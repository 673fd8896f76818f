using System.Text.Json.Serialization;

namespace ErpConnectors.Sandbox;

public sealed record SeveraProject(
    Guid Guid,
    string Name,
    int Number,
    SeveraGuidName Customer,
    SeveraGuidName ProjectOwner,
    bool IsClosed,
    bool IsInternal,
    SeveraGuidName ProjectStatus,
    string CurrencyCode,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime);

public sealed record SeveraPhase(
    Guid Guid,
    string Name,
    SeveraGuidName Project,
    SeveraGuidName? ParentPhase,
    bool IsCompleted,
    bool IsLocked,
    DateOnly StartDate,
    DateOnly Deadline,
    int SortOrder,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime)
{
    /// <summary>0 for the project's root phase, 1 for its children, and so on.</summary>
    [JsonIgnore]
    public int Level { get; init; }

    [JsonIgnore]
    public bool HasChildren { get; init; }
}

/// <summary>A phase as /projects/{guid}/phaseswithhierarchy lists it: with its level and whether it has children.</summary>
public sealed record SeveraPhaseWithHierarchy(
    Guid Guid,
    string Name,
    SeveraGuidName Project,
    SeveraGuidName? ParentPhase,
    int Level,
    bool HasChildren,
    bool IsCompleted,
    bool IsLocked,
    DateOnly StartDate,
    DateOnly Deadline,
    int SortOrder,
    DateTimeOffset CreatedDateTime,
    DateTimeOffset LastUpdatedDateTime)
{
    internal static SeveraPhaseWithHierarchy From(SeveraPhase phase) => new(
        phase.Guid, phase.Name, phase.Project, phase.ParentPhase, phase.Level, phase.HasChildren, phase.IsCompleted,
        phase.IsLocked, phase.StartDate, phase.Deadline, phase.SortOrder, phase.CreatedDateTime, phase.LastUpdatedDateTime);
}

public sealed record SeveraWorkType(Guid Guid, string Name, string Code, bool IsActive)
{
    /// <summary>The hourly price a new work hour gets when it names no unitPrice.</summary>
    [JsonIgnore]
    public decimal HourlyPrice { get; init; }
}
