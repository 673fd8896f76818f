using System.Globalization;

namespace ErpConnectors.Sandbox.Severa.Data;

/// <summary>
/// Projects, phases, seeded work hours, invoices and invoice rows. These are capped (at most 2000 projects,
/// 5000 hours, 3000 invoices whatever the customer count), so they are built once, on first use, and kept.
/// </summary>
internal sealed class ProjectGraph
{
    public const int MaxProjects = 2000;
    public const int MaxWorkHours = 5000;

    private const int DeletedWorkHourIndexBase = 100_000_000;
    public const int MaxInvoices = 3000;
    public const decimal VatRate = 25.5m;
    public const int FirstProjectNumber = 5000;
    public const int FirstInvoiceNumber = 20000;

    private static readonly DateOnly HoursYearStart = new(2024, 1, 1);

    private readonly int _seed;
    private readonly GuidCodec _guids;
    private readonly Catalog _catalog;

    public ProjectGraph(int seed, GuidCodec guids, Catalog catalog, CustomerRows customers)
    {
        _seed = seed;
        _guids = guids;
        _catalog = catalog;

        var projectCount = (int)Math.Min(MaxProjects, (customers.Count + 2) / 3);
        var projects = new SeveraProject[projectCount];
        var projectCustomers = new long[projectCount];
        Projects = projects;
        ProjectCustomerIndex = projectCustomers;
        for (var p = 0; p < projectCount; p++)
        {
            projectCustomers[p] = p * customers.Count / projectCount;
            projects[p] = MakeProject(p, customers);
        }

        var phases = new List<SeveraPhase>();
        var phaseProject = new List<int>();
        var phasesOfProject = new int[projectCount][];
        PhasesOfProject = phasesOfProject;
        for (var p = 0; p < projectCount; p++)
        {
            var first = phases.Count;
            AddPhases(p, phases);
            phasesOfProject[p] = [.. Enumerable.Range(first, phases.Count - first)];
            phaseProject.AddRange(Enumerable.Repeat(p, phases.Count - first));
        }

        Phases = [.. phases];
        PhaseProjectIndex = [.. phaseProject];

        var hourCount = projectCount == 0 ? 0 : Math.Min(MaxWorkHours, projectCount * 20);
        SeededWorkHours = [.. Enumerable.Range(0, hourCount).Select(MakeWorkHour)];

        // Hours deleted before the sandbox started, so GET /deletedworkhours has a history. Their indexes lie far
        // beyond any row the store creates, so their guids never come back as live rows.
        SeededDeletedWorkHours = hourCount == 0 ? [] :
        [
            .. Enumerable.Range(DeletedWorkHourIndexBase, Math.Max(1, hourCount / 50)).Select(MakeWorkHour)
                .Select(h => SeveraDeletedWorkHour.Of(h, h.LastUpdatedDateTime.AddDays(1)))
                .OrderBy(h => h.DeletedDateTime),
        ];

        var invoiceCount = projectCount == 0 ? 0 : (int)Math.Min(MaxInvoices, (customers.Count + 4) / 5);
        var invoices = new SeveraInvoice[invoiceCount];
        var rows = new List<SeveraInvoiceRow>();
        var rowsOfInvoice = new int[invoiceCount][];
        RowsOfInvoice = rowsOfInvoice;
        for (var i = 0; i < invoiceCount; i++)
        {
            var first = rows.Count;
            invoices[i] = MakeInvoice(i, rows);
            rowsOfInvoice[i] = [.. Enumerable.Range(first, rows.Count - first)];
        }

        SeededInvoices = invoices;
        InvoiceRows = [.. rows];
        var rowInvoice = new int[InvoiceRows.Count];
        for (var i = 0; i < invoiceCount; i++)
        {
            foreach (var row in rowsOfInvoice[i])
            {
                rowInvoice[row] = i;
            }
        }

        RowInvoiceIndex = rowInvoice;
    }

    public IReadOnlyList<SeveraProject> Projects { get; }

    public IReadOnlyList<long> ProjectCustomerIndex { get; }

    public IReadOnlyList<SeveraPhase> Phases { get; }

    public IReadOnlyList<int> PhaseProjectIndex { get; }

    /// <summary>Each project's phases, parents before children (depth first).</summary>
    public IReadOnlyList<int[]> PhasesOfProject { get; }

    public IReadOnlyList<SeveraWorkHour> SeededWorkHours { get; }

    public IReadOnlyList<SeveraDeletedWorkHour> SeededDeletedWorkHours { get; }

    public IReadOnlyList<SeveraInvoice> SeededInvoices { get; }

    public IReadOnlyList<SeveraInvoiceRow> InvoiceRows { get; }

    public IReadOnlyList<int[]> RowsOfInvoice { get; }

    public IReadOnlyList<int> RowInvoiceIndex { get; }

    public SeveraProjectRef ProjectRef(int project) => new(Projects[project].Guid, Projects[project].Name, Projects[project].Number);

    /// <summary>
    /// The work types a phase accepts hours for: three to six of the active ones, chosen by hash, in catalogue
    /// order. Computed, not stored.
    /// </summary>
    public IReadOnlyList<int> WorkTypesOfPhase(int phase)
    {
        var active = _catalog.ActiveWorkTypeIndexes;
        var take = 3 + StableHash.Pick(_seed, EntityKind.Phase, phase, 900, 4);
        return
        [
            .. active
                .OrderBy(w => StableHash.Of(_seed, EntityKind.Phase, phase, 1000 + w))
                .Take(take)
                .Order(),
        ];
    }

    private SeveraProject MakeProject(int p, CustomerRows customers)
    {
        var customer = ProjectCustomerIndex[p];
        var owner = _catalog.Users[_catalog.ActiveUserIndexes[StableHash.Pick(_seed, EntityKind.Project, p, 1, _catalog.ActiveUserIndexes.Count)]];
        var isClosed = StableHash.Percent(_seed, EntityKind.Project, p, 2, 15);
        var status = isClosed ? _catalog.ProjectStatuses[3] : _catalog.ProjectStatuses[StableHash.Pick(_seed, EntityKind.Project, p, 3, 3)];
        var created = new DateTimeOffset(2021, 1, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(StableHash.Pick(_seed, EntityKind.Project, p, 4, 2 * 365 * 24 * 60));
        var updated = created.AddMinutes(StableHash.Pick(_seed, EntityKind.Project, p, 5, 365 * 24 * 60));
        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"{Words.ProjectNames[StableHash.Pick(_seed, EntityKind.Project, p, 6, Words.ProjectNames.Length)]} {p + 1:D4}");
        return new SeveraProject(
            _guids.Encode(EntityKind.Project, p),
            name,
            FirstProjectNumber + p,
            customers.CustomerRef(customer),
            new SeveraGuidName(owner.Guid, owner.Name),
            isClosed,
            customers.CustomerIsInternal(customer),
            status,
            SeveraMoneyExtensions.OrganizationCurrency,
            created,
            updated);
    }

    private void AddPhases(int p, List<SeveraPhase> phases)
    {
        var project = Projects[p];
        var projectRef = new SeveraGuidName(project.Guid, project.Name);
        var start = new DateOnly(2023, 1, 1).AddDays(StableHash.Pick(_seed, EntityKind.Project, p, 10, 600));
        var length = 180 + StableHash.Pick(_seed, EntityKind.Project, p, 11, 220);
        var rootIndex = phases.Count;
        var root = MakePhase(rootIndex, project.Name, projectRef, null, 0, 1, start, start.AddDays(length), project.IsClosed);
        phases.Add(root);

        var childCount = 2 + StableHash.Pick(_seed, EntityKind.Project, p, 12, 3);
        var childLength = length / childCount;
        var anyChildren = false;
        for (var c = 0; c < childCount; c++)
        {
            var childStart = start.AddDays(c * childLength);
            var childIndex = phases.Count;
            var childName = Words.PhaseNames[(StableHash.Pick(_seed, EntityKind.Project, p, 13, Words.PhaseNames.Length) + c) % Words.PhaseNames.Length];
            var grandchildren = StableHash.Percent(_seed, EntityKind.Phase, childIndex, 1, 40)
                ? 1 + StableHash.Pick(_seed, EntityKind.Phase, childIndex, 2, 2)
                : 0;
            var child = MakePhase(childIndex, childName, projectRef, new SeveraGuidName(root.Guid, root.Name), 1, c + 1, childStart, childStart.AddDays(childLength), project.IsClosed)
                with { HasChildren = grandchildren > 0 };
            phases.Add(child);
            anyChildren = true;
            for (var g = 0; g < grandchildren; g++)
            {
                var grandStart = childStart.AddDays(g * childLength / grandchildren);
                var grand = MakePhase(
                    phases.Count,
                    string.Create(CultureInfo.InvariantCulture, $"{childName} {g + 1}"),
                    projectRef,
                    new SeveraGuidName(child.Guid, child.Name),
                    2,
                    g + 1,
                    grandStart,
                    grandStart.AddDays(childLength / grandchildren),
                    project.IsClosed);
                phases.Add(grand);
            }
        }

        phases[rootIndex] = root with { HasChildren = anyChildren };
    }

    private SeveraPhase MakePhase(int index, string name, SeveraGuidName project, SeveraGuidName? parent, int level, int sortOrder, DateOnly start, DateOnly deadline, bool projectClosed)
    {
        var created = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(-StableHash.Pick(_seed, EntityKind.Phase, index, 3, 24 * 30));
        var updated = created.AddMinutes(StableHash.Pick(_seed, EntityKind.Phase, index, 4, 365 * 24 * 60));
        return new SeveraPhase(
            _guids.Encode(EntityKind.Phase, index),
            name,
            project,
            parent,
            projectClosed || StableHash.Percent(_seed, EntityKind.Phase, index, 5, 10),
            projectClosed || StableHash.Percent(_seed, EntityKind.Phase, index, 6, 3),
            start,
            deadline,
            sortOrder,
            created,
            updated)
        {
            Level = level,
        };
    }

    private SeveraWorkHour MakeWorkHour(int index)
    {
        var project = StableHash.Pick(_seed, EntityKind.WorkHour, index, 1, Projects.Count);
        var projectPhases = PhasesOfProject[project];
        var phase = projectPhases[StableHash.Pick(_seed, EntityKind.WorkHour, index, 2, projectPhases.Length)];
        var workTypes = WorkTypesOfPhase(phase);
        var workType = _catalog.WorkTypes[workTypes[StableHash.Pick(_seed, EntityKind.WorkHour, index, 3, workTypes.Count)]];
        var user = _catalog.Users[_catalog.ActiveUserIndexes[StableHash.Pick(_seed, EntityKind.WorkHour, index, 4, _catalog.ActiveUserIndexes.Count)]];
        var eventDate = HoursYearStart.AddDays(StableHash.Pick(_seed, EntityKind.WorkHour, index, 5, 366));
        var created = new DateTimeOffset(eventDate.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero).AddMinutes(StableHash.Pick(_seed, EntityKind.WorkHour, index, 6, 180));
        var updated = created.AddMinutes(StableHash.Pick(_seed, EntityKind.WorkHour, index, 7, 3 * 24 * 60));
        var projectRow = Projects[project];
        return new SeveraWorkHour(
            _guids.Encode(EntityKind.WorkHour, index),
            eventDate,
            Words.WorkDescriptions[StableHash.Pick(_seed, EntityKind.WorkHour, index, 8, Words.WorkDescriptions.Length)],
            0.25m * (1 + StableHash.Pick(_seed, EntityKind.WorkHour, index, 9, 32)),
            Catalog.RefOf(user),
            new SeveraGuidName(Phases[phase].Guid, Phases[phase].Name),
            ProjectRef(project),
            projectRow.Customer,
            new SeveraGuidName(workType.Guid, workType.Name),
            !StableHash.Percent(_seed, EntityKind.WorkHour, index, 10, 20),
            StableHash.Percent(_seed, EntityKind.WorkHour, index, 11, 5),
            SeveraMoneyExtensions.Eur(workType.HourlyPrice),
            created,
            updated);
    }

    private SeveraInvoice MakeInvoice(int index, List<SeveraInvoiceRow> rows)
    {
        var project = StableHash.Pick(_seed, EntityKind.Invoice, index, 1, Projects.Count);
        var projectRow = Projects[project];
        var roll = StableHash.Pick(_seed, EntityKind.Invoice, index, 2, 100);
        var statusName = roll < 15 ? "Draft" : roll < 40 ? "Approved" : roll < 70 ? "Sent" : "Paid";
        var status = _catalog.InvoiceStatus(statusName);
        int? number = statusName == "Draft" ? null : FirstInvoiceNumber + index;
        var date = HoursYearStart.AddDays(StableHash.Pick(_seed, EntityKind.Invoice, index, 3, 350));
        var created = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var updated = created.AddMinutes(StableHash.Pick(_seed, EntityKind.Invoice, index, 4, 20 * 24 * 60));
        var guid = _guids.Encode(EntityKind.Invoice, index);

        var rowCount = 1 + StableHash.Pick(_seed, EntityKind.Invoice, index, 5, 4);
        var total = 0m;
        for (var r = 0; r < rowCount; r++)
        {
            var rowIndex = rows.Count;
            var workType = _catalog.WorkTypes[_catalog.ActiveWorkTypeIndexes[StableHash.Pick(_seed, EntityKind.InvoiceRow, rowIndex, 1, _catalog.ActiveWorkTypeIndexes.Count)]];
            var quantity = 1 + StableHash.Pick(_seed, EntityKind.InvoiceRow, rowIndex, 2, 40);
            var price = workType.HourlyPrice == 0 ? 75m : workType.HourlyPrice;
            var rowTotal = quantity * price;
            total += rowTotal;
            rows.Add(new SeveraInvoiceRow(
                _guids.Encode(EntityKind.InvoiceRow, rowIndex),
                new SeveraGuidRef(guid),
                string.Create(CultureInfo.InvariantCulture, $"{workType.Name}, {date:MMMM yyyy}"),
                quantity,
                SeveraMoneyExtensions.Eur(price),
                VatRate,
                SeveraMoneyExtensions.Eur(rowTotal),
                created,
                created));
        }

        return new SeveraInvoice(
            guid,
            number,
            number is { } n ? ReferenceNumber(n) : null,
            date,
            date.AddDays(14),
            new SeveraGuidName(status.Guid, status.Name),
            projectRow.Customer,
            ProjectRef(project),
            SeveraMoneyExtensions.Eur(total),
            SeveraMoneyExtensions.Eur(Math.Round(total * (1 + (VatRate / 100)), 2, MidpointRounding.AwayFromZero)),
            created,
            updated);
    }

    /// <summary>A Finnish payment reference: the invoice number prefixed by 1, then the 7-3-1 check digit.</summary>
    internal static string ReferenceNumber(int invoiceNumber)
    {
        var digits = "1" + invoiceNumber.ToString(CultureInfo.InvariantCulture);
        int[] weights = [7, 3, 1];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[digits.Length - 1 - i] - '0') * weights[i % 3];
        }

        return digits + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
