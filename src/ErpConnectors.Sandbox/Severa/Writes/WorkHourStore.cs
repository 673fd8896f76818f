using ErpConnectors.Sandbox.Severa.Data;

namespace ErpConnectors.Sandbox.Severa.Writes;

/// <summary>
/// The work hours as they are now: the seeded ones plus every write. Rows are kept in creation order under a
/// sequence number (seq); that order is the list order, and a page token remembers the seq to go on from, so
/// rows added or deleted between two pages never shift the others.
/// </summary>
internal sealed class WorkHourStore
{
    private readonly Lock _gate = new();
    private readonly List<SeveraWorkHour?> _rows;
    private readonly List<SeveraDeletedWorkHour> _deleted = [];
    private readonly GuidCodec _guids;
    private int _live;

    public WorkHourStore(GuidCodec guids, IEnumerable<SeveraWorkHour> seeded, IEnumerable<SeveraDeletedWorkHour> deleted)
    {
        _guids = guids;
        _deleted.AddRange(deleted);
        _rows = [.. seeded];
        _live = _rows.Count;
    }

    public int Count
    {
        get { lock (_gate) { return _live; } }
    }

    public SeveraWorkHour? Get(Guid guid)
    {
        var seq = _guids.Decode(EntityKind.WorkHour, guid);
        lock (_gate)
        {
            return seq >= 0 && seq < _rows.Count ? _rows[(int)seq] : null;
        }
    }

    /// <summary>Up to <paramref name="take"/> live rows matching the filter, from seq <paramref name="fromSeq"/> on.</summary>
    public List<(long Seq, SeveraWorkHour Row)> Scan(long fromSeq, Func<SeveraWorkHour, bool> filter, int take)
    {
        var result = new List<(long, SeveraWorkHour)>();
        lock (_gate)
        {
            for (var seq = (int)Math.Max(0, fromSeq); seq < _rows.Count && result.Count < take; seq++)
            {
                if (_rows[seq] is { } row && filter(row))
                {
                    result.Add((seq, row));
                }
            }
        }

        return result;
    }

    public IReadOnlyList<SeveraWorkHour> Snapshot()
    {
        lock (_gate) { return [.. _rows.OfType<SeveraWorkHour>()]; }
    }

    public SeveraWorkHour Add(Func<Guid, SeveraWorkHour> create)
    {
        lock (_gate)
        {
            var row = create(_guids.Encode(EntityKind.WorkHour, _rows.Count));
            _rows.Add(row);
            _live++;
            return row;
        }
    }

    /// <summary>
    /// Replaces a row with what <paramref name="update"/> makes of it, atomically (the check that the row may be
    /// changed runs under the same lock). Null when there is no such row.
    /// </summary>
    public SeveraWorkHour? Update(Guid guid, Func<SeveraWorkHour, SeveraWorkHour> update)
    {
        var seq = _guids.Decode(EntityKind.WorkHour, guid);
        lock (_gate)
        {
            if (seq < 0 || seq >= _rows.Count || _rows[(int)seq] is not { } current)
            {
                return null;
            }

            var updated = update(current);
            _rows[(int)seq] = updated;
            return updated;
        }
    }

    /// <summary>Up to <paramref name="take"/> deletions matching the filter, in deletion order, from position <paramref name="from"/> on.</summary>
    public List<(long Position, SeveraDeletedWorkHour Row)> ScanDeleted(long from, Func<SeveraDeletedWorkHour, bool> filter, int take)
    {
        var result = new List<(long, SeveraDeletedWorkHour)>();
        lock (_gate)
        {
            for (var i = (int)Math.Max(0, from); i < _deleted.Count && result.Count < take; i++)
            {
                if (filter(_deleted[i]))
                {
                    result.Add((i, _deleted[i]));
                }
            }
        }

        return result;
    }

    /// <summary>Deletes a row if <paramref name="check"/> lets it, remembering when; false when there is no such row.</summary>
    public bool Remove(Guid guid, Action<SeveraWorkHour> check, DateTimeOffset deletedAt)
    {
        var seq = _guids.Decode(EntityKind.WorkHour, guid);
        lock (_gate)
        {
            if (seq < 0 || seq >= _rows.Count || _rows[(int)seq] is not { } current)
            {
                return false;
            }

            check(current);
            _rows[(int)seq] = null;
            _deleted.Add(SeveraDeletedWorkHour.Of(current, deletedAt));
            _live--;
            return true;
        }
    }
}
