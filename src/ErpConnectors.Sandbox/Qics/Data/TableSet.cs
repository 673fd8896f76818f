using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>A detail entity backed by a table: read by key, written, and (EntityState) queried.</summary>
internal sealed class TableSet(QicsDatabase database, EntityTable table, TableRules rules, bool isQueryable)
    : EntitySet(table.Schema.Name, table.Schema)
{
    public override bool IsQueryable => isQueryable;

    public override bool IsWritable => true;

    public override IReadOnlyList<Row> Rows()
    {
        lock (database.Gate)
        {
            return [.. table.Rows];
        }
    }

    public override Row? Find(long key)
    {
        lock (database.Gate)
        {
            return table.Find(key);
        }
    }

    public Row Insert(Row row)
    {
        lock (database.Gate)
        {
            var prepared = rules.OnInsert(row);
            rules.CheckWrite(database, prepared, null);
            return table.Insert(prepared);
        }
    }

    /// <summary>Replaces the row with what <paramref name="change"/> makes of it; null when the key does not exist.</summary>
    public Row? Update(long key, Func<Row, Row> change)
    {
        lock (database.Gate)
        {
            if (table.Find(key) is not { } existing)
            {
                return null;
            }

            var updated = change(existing).With(Schema.Key.Name, key);
            rules.CheckWrite(database, updated, key);
            table.Replace(updated);
            return updated;
        }
    }

    public bool Delete(long key)
    {
        lock (database.Gate)
        {
            if (table.Find(key) is null)
            {
                return false;
            }

            rules.CheckDelete(database, key);
            return table.Remove(key);
        }
    }
}
