using System.Globalization;

namespace ErpConnectors.Sandbox.Severa.Data;

/// <summary>The small fixed lists: countries, business units, users, work types and statuses.</summary>
internal sealed class Catalog
{
    public const int UserCount = 50;

    public Catalog(int seed, GuidCodec guids)
    {
        Countries = [.. Words.Countries.Select((c, i) => new SeveraCountry(guids.Encode(EntityKind.Country, i), c.Name, c.Code))];
        BusinessUnits = [.. Words.BusinessUnits.Select((name, i) => new SeveraGuidName(guids.Encode(EntityKind.BusinessUnit, i), name))];
        Users = [.. Enumerable.Range(0, UserCount).Select(i => MakeUser(seed, guids, i))];
        ActiveUserIndexes = [.. Enumerable.Range(0, UserCount).Where(i => Users[i].IsActive)];
        WorkTypes =
        [
            .. Words.WorkTypes.Select((w, i) =>
                new SeveraWorkType(guids.Encode(EntityKind.WorkType, i), w.Name, w.Code, w.IsActive) { HourlyPrice = w.HourlyPrice }),
        ];
        ActiveWorkTypeIndexes = [.. Enumerable.Range(0, WorkTypes.Count).Where(i => WorkTypes[i].IsActive)];
        ProjectStatuses = [.. Words.ProjectStatuses.Select((name, i) => new SeveraGuidName(guids.Encode(EntityKind.ProjectStatus, i), name))];
        Overtimes =
        [
            new SeveraOvertime(guids.Encode(EntityKind.Overtime, 0), "Overtime 50 %", "OT50", 50m, true),
            new SeveraOvertime(guids.Encode(EntityKind.Overtime, 1), "Overtime 100 %", "OT100", 100m, true),
            new SeveraOvertime(guids.Encode(EntityKind.Overtime, 2), "Weekend (retired)", "OTWE", 100m, false),
        ];
        InvoiceStatuses =
        [
            .. Words.InvoiceStatuses.Select((s, i) =>
                new SeveraInvoiceStatus(guids.Encode(EntityKind.InvoiceStatus, i), s.Name, s.IsActive, s.IsDefault, i + 1)),
        ];
    }

    public IReadOnlyList<SeveraCountry> Countries { get; }

    public IReadOnlyList<SeveraGuidName> BusinessUnits { get; }

    public IReadOnlyList<SeveraUser> Users { get; }

    public IReadOnlyList<int> ActiveUserIndexes { get; }

    public IReadOnlyList<SeveraWorkType> WorkTypes { get; }

    public IReadOnlyList<int> ActiveWorkTypeIndexes { get; }

    public IReadOnlyList<SeveraGuidName> ProjectStatuses { get; }

    public IReadOnlyList<SeveraInvoiceStatus> InvoiceStatuses { get; }

    public IReadOnlyList<SeveraOvertime> Overtimes { get; }

    public SeveraInvoiceStatus InvoiceStatus(string name) => InvoiceStatuses.First(s => s.Name == name);

    public static SeveraUserRef RefOf(SeveraUser user) => new(user.Guid, user.Name, user.FirstName, user.LastName);

    private SeveraUser MakeUser(int seed, GuidCodec guids, int index)
    {
        var first = Words.FirstNames[StableHash.Pick(seed, EntityKind.User, index, 1, Words.FirstNames.Length)];
        var last = Words.LastNames[StableHash.Pick(seed, EntityKind.User, index, 2, Words.LastNames.Length)];
        var updated = Timeline.Start.AddSeconds(StableHash.Of(seed, EntityKind.User, index, 3) % (ulong)(Timeline.End - Timeline.Start).TotalSeconds);
        var created = updated.AddDays(-StableHash.Pick(seed, EntityKind.User, index, 4, 700));

        // The first user is the API user the token answer describes: always active.
        var isActive = index == 0 || index % 12 != 11;
        return new SeveraUser(
            guids.Encode(EntityKind.User, index),
            first,
            last,
            string.Create(CultureInfo.InvariantCulture, $"{first}.{last}{index + 1}@sandbox.example").ToLowerInvariant(),
            string.Create(CultureInfo.InvariantCulture, $"U{index + 1:D3}"),
            isActive,
            BusinessUnits[StableHash.Pick(seed, EntityKind.User, index, 5, BusinessUnits.Count)],
            created,
            updated);
    }
}
