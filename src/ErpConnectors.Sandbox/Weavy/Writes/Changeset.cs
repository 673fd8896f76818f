using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Writes;

/// <summary>
/// One transaction: writes are staged over the committed tables, read back through the stage, and applied
/// together by <see cref="Run{T}"/> only when the work and the foreign-key checks pass; an exception anywhere
/// leaves the database as it was (the document: "si l'une des actions échoue ou si l'une des clés étrangères
/// utilisées n'est pas valide, l'ensemble de la transaction est annulé"). Runs under the database's lock.
/// </summary>
internal sealed class Changeset
{
    private readonly WeavyDatabase _database;
    private readonly DateTime _now;

    // entity → code → the record as the transaction leaves it; null = removed physically.
    private readonly Dictionary<string, Dictionary<string, WeavyRecord?>> _staged = new(StringComparer.Ordinal);

    // entity → code → where the request gave the row ("rows[3]"), so an error names it.
    private readonly Dictionary<string, Dictionary<string, string>> _origins = new(StringComparer.Ordinal);

    private Changeset(WeavyDatabase database)
    {
        _database = database;
        _now = database.UtcNow();
    }

    /// <summary>Runs <paramref name="work"/> as one transaction and commits what it staged.</summary>
    public static T Run<T>(WeavyDatabase database, Func<Changeset, T> work)
    {
        lock (database.Gate)
        {
            var changes = new Changeset(database);
            var result = work(changes);
            changes.Commit();
            return result;
        }
    }

    /// <summary>The record as this transaction sees it, logically deleted or not; null when there is none.</summary>
    public WeavyRecord? Find(EntityDefinition entity, string code) =>
        _staged.TryGetValue(entity.Name, out var staged) && staged.TryGetValue(code, out var record)
            ? record
            : _database.Table(entity).Find(code);

    public WeavyRecord? FindVisible(EntityDefinition entity, string code) => Find(entity, code) is { Deleted: false } record ? record : null;

    /// <summary>Every record of the entity as this transaction sees it (logically deleted ones included).</summary>
    public IEnumerable<WeavyRecord> Records(EntityDefinition entity)
    {
        var staged = _staged.GetValueOrDefault(entity.Name);
        foreach (var record in _database.Table(entity).Records)
        {
            if (staged is null || !staged.ContainsKey(record.Code))
            {
                yield return record;
            }
        }

        foreach (var record in staged?.Values ?? Enumerable.Empty<WeavyRecord?>())
        {
            if (record is not null)
            {
                yield return record;
            }
        }
    }

    /// <summary>Inserts the row, or changes the given fields of the record with its code (a logically deleted one comes back).</summary>
    public (WriteOutcome Outcome, WeavyRecord Record) Upsert(RowInput row, string where)
    {
        Remember(row, where);
        var existing = Find(row.Entity, row.Code!);
        return existing is null ? (WriteOutcome.Added, Add(row)) : Change(existing, row.Values, revive: true);
    }

    /// <summary>Creates a record; 409 when its code is taken, by a logically deleted record too.</summary>
    public WeavyRecord Insert(RowInput row, string where)
    {
        Remember(row, where);
        if (Find(row.Entity, row.Code!) is { } existing)
        {
            throw WeavyErrors.AlreadyExists(row.Entity.Name, existing.Code, where, existing.Deleted);
        }

        return Add(row);
    }

    /// <summary>Changes the given fields of a visible record; 404 when there is none.</summary>
    public (WriteOutcome Outcome, WeavyRecord Record) Update(EntityDefinition entity, string code, IReadOnlyDictionary<string, object?> values)
    {
        var existing = FindVisible(entity, code) ?? throw WeavyErrors.RecordNotFound(entity.Name, code);
        return Change(existing, values, revive: false);
    }

    /// <summary>
    /// Deletes logically (the record is stamped and hidden) or physically (removed; refused at commit while
    /// another record refers to it, since deletions do not cascade). False when there was nothing to delete.
    /// </summary>
    public bool Delete(EntityDefinition entity, string code, bool physical)
    {
        var existing = Find(entity, code);
        if (existing is null || (!physical && existing.Deleted))
        {
            return false;
        }

        if (physical)
        {
            Stage(entity, existing.Code, null);
        }
        else
        {
            Stage(entity, existing.Code, existing.With(Stamped(existing, []), deleted: true));
        }

        return true;
    }

    /// <summary>A change of no particular field (made in the CRM): stamped, and to export again.</summary>
    public WeavyRecord Touch(WeavyRecord existing)
    {
        var record = existing.With(Stamped(existing, new() { [FieldDefinition.ServerExport] = 0L }), existing.Deleted);
        Stage(existing.Entity, existing.Code, record);
        return record;
    }

    /// <summary>Sets the export status without stamping: validating an export is not a change of the data.</summary>
    public void SetExport(WeavyRecord record, long srvExport) =>
        Stage(record.Entity, record.Code, record.With(FieldDefinition.ServerExport, srvExport));

    private void Remember(RowInput row, string where)
    {
        if (!_origins.TryGetValue(row.Entity.Name, out var origins))
        {
            origins = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            _origins[row.Entity.Name] = origins;
        }

        origins[row.Code!] = where;
    }

    /// <summary>Where the request gave a record ("rows[3]"), or "customer 'C000001'" for one it did not.</summary>
    private string Origin(EntityDefinition entity, string code) =>
        _origins.GetValueOrDefault(entity.Name)?.GetValueOrDefault(code) ?? $"{entity.Name} '{code}'";

    private WeavyRecord Add(RowInput row)
    {
        var values = new Dictionary<string, object?>(row.Values, StringComparer.Ordinal)
        {
            [row.Entity.KeyName] = row.Code,
            [FieldDefinition.ServerDate] = WeavyDatabase.Stamp(_now, null),
        };
        values.TryAdd(FieldDefinition.ServerExport, 0L);
        var record = new WeavyRecord(row.Entity, values, deleted: false);
        Stage(row.Entity, record.Code, record);
        return record;
    }

    private (WriteOutcome, WeavyRecord) Change(WeavyRecord existing, IReadOnlyDictionary<string, object?> values, bool revive)
    {
        var changes = values.Where(v => !Equals(existing[v.Key], v.Value)).ToDictionary(StringComparer.Ordinal);
        if (changes.Count == 0 && !(revive && existing.Deleted))
        {
            return (WriteOutcome.Unchanged, existing);
        }

        // A change not naming srvExport makes the record "to export" again (the document: exported data need
        // no processing "until their next modification").
        if (!values.ContainsKey(FieldDefinition.ServerExport))
        {
            changes[FieldDefinition.ServerExport] = 0L;
        }

        var record = existing.With(Stamped(existing, changes), deleted: false);
        Stage(existing.Entity, existing.Code, record);
        return (WriteOutcome.Updated, record);
    }

    private Dictionary<string, object?> Stamped(WeavyRecord existing, Dictionary<string, object?> changes)
    {
        changes[FieldDefinition.ServerDate] = WeavyDatabase.Stamp(_now, existing.ServerDate);
        return changes;
    }

    private void Stage(EntityDefinition entity, string code, WeavyRecord? record)
    {
        if (!_staged.TryGetValue(entity.Name, out var staged))
        {
            staged = new Dictionary<string, WeavyRecord?>(StringComparer.OrdinalIgnoreCase);
            _staged[entity.Name] = staged;
        }

        staged[code] = record;
    }

    private void Commit()
    {
        CheckForeignKeys();
        CheckPhysicalDeletes();
        foreach (var (name, staged) in _staged)
        {
            var table = _database.Table(WeavyDictionary.Find(name)!);
            foreach (var (code, record) in staged)
            {
                if (record is null)
                {
                    table.Remove(code);
                }
                else
                {
                    table.Put(record);
                }
            }
        }
    }

    /// <summary>A foreign key a write sets must name a visible record (checked once everything is staged, so a dataset may refer to a record it creates).</summary>
    private void CheckForeignKeys()
    {
        foreach (var (name, staged) in _staged)
        {
            var entity = WeavyDictionary.Find(name)!;
            var committed = _database.Table(entity);
            foreach (var record in staged.Values)
            {
                if (record is null || record.Deleted)
                {
                    continue;
                }

                var before = committed.Find(record.Code);
                foreach (var field in entity.Fields.Where(f => f.RefersTo is not null))
                {
                    if (record[field.Name] is string target && (before is null || !Equals(before[field.Name], target))
                        && FindVisible(WeavyDictionary.Find(field.RefersTo!)!, target) is null)
                    {
                        throw WeavyErrors.InvalidForeignKey($"{Origin(entity, record.Code)}.{field.Name}", field.RefersTo!, target);
                    }
                }
            }
        }
    }

    private void CheckPhysicalDeletes()
    {
        foreach (var (name, staged) in _staged)
        {
            var removed = staged.Where(s => s.Value is null).Select(s => s.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (removed.Count == 0)
            {
                continue;
            }

            foreach (var child in WeavyDictionary.Entities)
            {
                foreach (var field in child.ForeignKeysTo(name))
                {
                    var referring = Records(child).FirstOrDefault(r => r[field.Name] is string target && removed.Contains(target));
                    if (referring is not null)
                    {
                        throw WeavyErrors.StillReferenced(name, (string)referring[field.Name]!, child.Name, referring.Code, field.Name);
                    }
                }
            }
        }
    }
}
