using ErpConnectors.Sandbox.Severa.Data;

namespace ErpConnectors.Sandbox.Severa.Writes;

/// <summary>The invoices as they are now (seeded, then patched). Position in the list is the invoice index.</summary>
internal sealed class InvoiceStore
{
    private readonly Lock _gate = new();
    private readonly SeveraInvoice[] _rows;
    private readonly GuidCodec _guids;

    public InvoiceStore(GuidCodec guids, IEnumerable<SeveraInvoice> seeded)
    {
        _guids = guids;
        _rows = [.. seeded];
    }

    public int Count => _rows.Length;

    public int IndexOf(Guid guid)
    {
        var index = _guids.Decode(EntityKind.Invoice, guid);
        return index >= 0 && index < _rows.Length ? (int)index : -1;
    }

    public SeveraInvoice? Get(Guid guid)
    {
        var index = IndexOf(guid);
        if (index < 0)
        {
            return null;
        }

        lock (_gate) { return _rows[index]; }
    }

    public List<(long Position, SeveraInvoice Row)> Scan(long from, Func<SeveraInvoice, bool> filter, int take)
    {
        var result = new List<(long, SeveraInvoice)>();
        lock (_gate)
        {
            for (var i = (int)Math.Max(0, from); i < _rows.Length && result.Count < take; i++)
            {
                if (filter(_rows[i]))
                {
                    result.Add((i, _rows[i]));
                }
            }
        }

        return result;
    }

    public IReadOnlyList<SeveraInvoice> Snapshot()
    {
        lock (_gate) { return [.. _rows]; }
    }

    /// <summary>
    /// Applies <paramref name="update"/> atomically; it sees every invoice, for checks such as a unique number.
    /// </summary>
    public SeveraInvoice? Update(Guid guid, Func<SeveraInvoice, IReadOnlyList<SeveraInvoice>, SeveraInvoice> update)
    {
        var index = IndexOf(guid);
        if (index < 0)
        {
            return null;
        }

        lock (_gate)
        {
            var updated = update(_rows[index], _rows);
            _rows[index] = updated;
            return updated;
        }
    }
}
