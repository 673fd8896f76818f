using System.Collections.Generic;
using System.Linq;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>
/// What the bulk cmdlets share: pipeline input gathered into batches that leave as soon as they are full (and the
/// rest at the end), so memory holds one batch whatever the input size. Each batch remembers the input objects it
/// came from, to hand them back in an error.
/// </summary>
public abstract class WeavyBatchCmdlet<TItem> : WeavyCmdlet
{
    private readonly List<(TItem Item, object Input)> _batch = new();
    private int _batches;
    private long _items;

    /// <summary>Items per call (the subclass's parameter).</summary>
    internal abstract int Size { get; }

    internal void Add(TItem item, object input)
    {
        _batch.Add((item, input));
        if (_batch.Count >= Size)
        {
            Flush();
        }
    }

    protected override void EndProcessing()
    {
        if (_batch.Count > 0)
        {
            Flush();
        }
    }

    /// <param name="number">1 for the first batch.</param>
    /// <param name="first">The position of the batch's first item in the input, from 1.</param>
    internal abstract void Send(int number, long first, IReadOnlyList<TItem> items, object[] inputs);

    private void Flush()
    {
        var batch = _batch.ToList();
        _batch.Clear();
        long first = _items + 1;
        _items += batch.Count;
        Send(++_batches, first, batch.Select(b => b.Item).ToList(), batch.Select(b => b.Input).ToArray());
    }
}
