namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>
/// Every entity set under /V3/odata, by name. Detail entities are read by key and written; their lists come
/// from the Overview entities (the document: detail "allows selection only using primary key property").
/// EntityState has no overview, so it is queried directly ("objects that do not have their Overview
/// counterpart can be queried directly using the HTTP GET verb").
/// </summary>
internal sealed class QicsCatalog
{
    private readonly Dictionary<string, EntitySet> _byName;

    public QicsCatalog(QicsDatabase database, TimeProvider time)
    {
        EntityStates = new TableSet(database, database.EntityStates, new EntityStateRules(), isQueryable: true);
        EntitySet[] sets =
        [
            new TableSet(database, database.Customers, new CustomerRules(time), isQueryable: false),
            new TableSet(database, database.Employees, TableRules.None, isQueryable: false),
            new TableSet(database, database.Projects, new ProjectRules(), isQueryable: false),
            new TableSet(database, database.Items, TableRules.None, isQueryable: false),
            EntityStates,
            new OverviewSet(database, Schemas.OverviewCustomer, Overviews.Customers),
            new OverviewSet(database, Schemas.OverviewEmployee, Overviews.Employees),
            new OverviewSet(database, Schemas.OverviewProject, Overviews.Projects),
            new OverviewSet(database, Schemas.OverviewItem, Overviews.Items),
        ];
        All = sets;
        _byName = sets.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<EntitySet> All { get; }

    public TableSet EntityStates { get; }

    /// <summary>A set by its exact name (case-sensitive, as OData resolves them), or null.</summary>
    public EntitySet? Find(string name) => _byName.GetValueOrDefault(name);

    public EntitySet? FindIgnoringCase(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The overview that lists a detail entity, for hints.</summary>
    public EntitySet? OverviewOf(EntitySet set) => Find("Overview" + set.Name);
}
