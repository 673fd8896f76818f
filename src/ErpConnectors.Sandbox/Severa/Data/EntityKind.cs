namespace ErpConnectors.Sandbox.Severa.Data;

/// <summary>Salts the hashes and guids of each kind of record, so index 7 of two kinds never collide.</summary>
internal enum EntityKind
{
    Customer = 1,
    ContactPerson = 2,
    Address = 3,
    User = 4,
    BusinessUnit = 5,
    Country = 6,
    WorkType = 7,
    Project = 8,
    ProjectStatus = 9,
    Phase = 10,
    WorkHour = 11,
    InvoiceStatus = 12,
    Invoice = 13,
    InvoiceRow = 14,
    Overtime = 15,
}
