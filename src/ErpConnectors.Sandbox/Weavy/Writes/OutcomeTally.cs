using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Writes;

/// <summary>
/// What a multi-step write did to each record, counted once per record: a record added and then changed
/// again in the same call (a relation setting its foreign key) is one added row, a record changed twice one
/// updated row.
/// </summary>
internal sealed class OutcomeTally
{
    private readonly Dictionary<string, WriteOutcome> _outcomes = new(StringComparer.OrdinalIgnoreCase);

    public int Added => _outcomes.Values.Count(o => o == WriteOutcome.Added);

    public int Updated => _outcomes.Values.Count(o => o == WriteOutcome.Updated);

    /// <summary>Upserts every row of every batch, in order, noting what each did.</summary>
    public OutcomeTally UpsertAll(Changeset changes, IEnumerable<(EntityDefinition Entity, List<(RowInput Row, string Where)> Rows)> batches)
    {
        foreach (var (entity, rows) in batches)
        {
            foreach (var (row, where) in rows)
            {
                Note(entity, row.Code!, changes.Upsert(row, where).Outcome);
            }
        }

        return this;
    }

    public void Note(EntityDefinition entity, string code, WriteOutcome outcome)
    {
        var key = $"{entity.Name}\n{code}";
        _outcomes[key] = _outcomes.GetValueOrDefault(key, WriteOutcome.Unchanged) switch
        {
            WriteOutcome.Added => WriteOutcome.Added,
            WriteOutcome.Updated => WriteOutcome.Updated,
            _ => outcome,
        };
    }
}
