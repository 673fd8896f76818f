using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>
/// An Overview entity: read-only rows computed from the tables on every request (so writes show at once),
/// joined with related data the detail entity does not carry.
/// </summary>
internal sealed class OverviewSet(QicsDatabase database, EntitySchema schema, Func<QicsDatabase, IEnumerable<Row>> project)
    : EntitySet(schema.Name, schema)
{
    public override bool IsQueryable => true;

    public override bool IsWritable => false;

    public override IReadOnlyList<Row> Rows()
    {
        lock (database.Gate)
        {
            return [.. project(database)];
        }
    }

    public override Row? Find(long key) => Rows().FirstOrDefault(r => r.Key(Schema) == key);
}
