using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Core.Paging;

/// <summary>
/// Rows a pager has parsed but not yet handed to the pipeline. Handing rows over one by one woke the pipeline thread
/// for every row: on a two-core machine it spent a tenth of all CPU spinning for the next one, CPU the parser and the
/// network needed. The pager adds rows while it parses a buffer and flushes before it waits for more bytes, at the
/// end of a page and when the list ends, so a row is held only while the next ones are being parsed.
/// </summary>
internal sealed class RowBatch
{
    private const int Size = 64;

    private object?[] _rows = new object?[Size];

    public int Count { get; private set; }

    public ValueTask AddAsync(ICallOutput output, object? row, CancellationToken cancellationToken)
    {
        _rows[Count++] = row;
        return Count == Size ? FlushAsync(output, cancellationToken) : default;
    }

    public ValueTask FlushAsync(ICallOutput output, CancellationToken cancellationToken)
    {
        if (Count == 0)
        {
            return default;
        }

        object?[] full = _rows;
        int count = Count;
        _rows = new object?[Size]; // the output keeps the array it was given
        Count = 0;
        return output.WriteObjectsAsync(full, count, cancellationToken);
    }
}
