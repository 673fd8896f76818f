namespace ErpConnectors.Sandbox;

/// <summary>An EntityState record as the emulation holds it (the document's properties).</summary>
public sealed record QicsEntityState(
    long EntityStateId,
    long CompanyId,
    string DataSource,
    string EntityType,
    long EntityId,
    string? DataSourceKey,
    DateTimeOffset? DataSourceDate,
    bool IsError,
    string? Message);
