namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>The tenant's data: one table per detail entity, behind one lock.</summary>
internal sealed class QicsDatabase
{
    /// <summary>
    /// The companies of the sandbox tenant (chosen: two, so EntityState's CompanyId has something to tell
    /// apart); EntityState.CompanyId must name one of them, as a foreign key would demand.
    /// </summary>
    public static readonly IReadOnlyList<long> CompanyIds = [1, 2];

    public Lock Gate { get; } = new();

    public EntityTable Customers { get; } = new(Schemas.Customer);

    public EntityTable Employees { get; } = new(Schemas.Employee);

    public EntityTable Projects { get; } = new(Schemas.Project);

    public EntityTable Items { get; } = new(Schemas.Item);

    public EntityTable EntityStates { get; } = new(Schemas.EntityState);
}
