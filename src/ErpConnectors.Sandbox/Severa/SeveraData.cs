using ErpConnectors.Sandbox.Severa.Data;

namespace ErpConnectors.Sandbox;

/// <summary>
/// The generated (seeded) Severa data, for tests that need valid guids or expected values without a request.
/// Customers, contact persons and addresses are computed from their index on every call; the capped lists
/// (projects, phases, invoice rows) are built on first use. Writes live in SeveraSandbox, not here.
/// </summary>
public sealed class SeveraData
{
    private readonly Lazy<ProjectGraph> _graph;

    internal SeveraData(int seed, int customerCount)
    {
        Seed = seed;
        Guids = new GuidCodec(seed);
        Catalog = new Catalog(seed, Guids);
        Rows = new CustomerRows(seed, customerCount, Guids, Catalog);
        _graph = new Lazy<ProjectGraph>(() => new ProjectGraph(seed, Guids, Catalog, Rows));
    }

    public int CustomerCount => (int)Rows.Count;

    public long ContactPersonCount => Rows.ContactCount;

    public long AddressCount => Rows.AddressCount;

    public IReadOnlyList<SeveraUser> Users => Catalog.Users;

    public IReadOnlyList<SeveraWorkType> WorkTypes => Catalog.WorkTypes;

    public IReadOnlyList<SeveraInvoiceStatus> InvoiceStatuses => Catalog.InvoiceStatuses;

    public IReadOnlyList<SeveraOvertime> Overtimes => Catalog.Overtimes;

    public IReadOnlyList<SeveraProject> Projects => Graph.Projects;

    public IReadOnlyList<SeveraPhase> Phases => Graph.Phases;

    public IReadOnlyList<SeveraInvoiceRow> InvoiceRows => Graph.InvoiceRows;

    internal int Seed { get; }

    internal GuidCodec Guids { get; }

    internal Catalog Catalog { get; }

    internal CustomerRows Rows { get; }

    internal ProjectGraph Graph => _graph.Value;

    /// <summary>The customer at a 0-based position of the list (which is in number order).</summary>
    public SeveraCustomer Customer(long index) => Rows.Customer(CheckIndex(index, Rows.Count));

    public SeveraContactPerson ContactPerson(long index) => Rows.ContactPerson(CheckIndex(index, Rows.ContactCount));

    public SeveraAddress Address(long index) => Rows.Address(CheckIndex(index, Rows.AddressCount));

    /// <summary>The work types hours may be entered with on a phase (GET /phases/{guid}/worktypes).</summary>
    public IReadOnlyList<SeveraWorkType> WorkTypesOfPhase(Guid phaseGuid)
    {
        var phase = PhaseIndex(phaseGuid);
        return phase < 0 ? [] : [.. Graph.WorkTypesOfPhase(phase).Select(w => Catalog.WorkTypes[w])];
    }

    /// <summary>A project's phases, parents before children (GET /projects/{guid}/phaseswithhierarchy).</summary>
    public IReadOnlyList<SeveraPhase> PhasesOfProject(Guid projectGuid)
    {
        var project = ProjectIndex(projectGuid);
        return project < 0 ? [] : [.. Graph.PhasesOfProject[project].Select(p => Graph.Phases[p])];
    }

    internal int UserIndex(Guid guid) => (int)Within(Guids.Decode(EntityKind.User, guid), Catalog.Users.Count);

    internal int WorkTypeIndex(Guid guid) => (int)Within(Guids.Decode(EntityKind.WorkType, guid), Catalog.WorkTypes.Count);

    internal int InvoiceStatusIndex(Guid guid) => (int)Within(Guids.Decode(EntityKind.InvoiceStatus, guid), Catalog.InvoiceStatuses.Count);

    internal int OvertimeIndex(Guid guid) => (int)Within(Guids.Decode(EntityKind.Overtime, guid), Catalog.Overtimes.Count);

    internal int BusinessUnitIndex(Guid guid) => (int)Within(Guids.Decode(EntityKind.BusinessUnit, guid), Catalog.BusinessUnits.Count);

    internal int ProjectIndex(Guid guid) => (int)Within(Guids.Decode(EntityKind.Project, guid), Graph.Projects.Count);

    internal int PhaseIndex(Guid guid) => (int)Within(Guids.Decode(EntityKind.Phase, guid), Graph.Phases.Count);

    internal int InvoiceRowIndex(Guid guid) => (int)Within(Guids.Decode(EntityKind.InvoiceRow, guid), Graph.InvoiceRows.Count);

    private static long Within(long index, long count) => index >= 0 && index < count ? index : -1;

    private static long CheckIndex(long index, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return index;
    }
}
