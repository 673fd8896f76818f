using System.Diagnostics;
using System.Globalization;
using ErpConnectors.Sandbox.Weavy.Data;

namespace ErpConnectors.Sandbox.Weavy.Writes;

/// <summary>
/// "statistics" of BulkImport and DeleteDataSet, as the document's examples show them: queryCount (chosen: one
/// query per row written or deleted, plus one for the transaction), queryDurationTotal (the time inside the
/// transaction) and executionDuration (the whole call), both as a TimeSpan "00:00:16.2361677".
/// </summary>
internal sealed class ImportStatistics
{
    private readonly Stopwatch _execution = Stopwatch.StartNew();
    private TimeSpan _queries;
    private int _queryCount;

    /// <summary>Runs the transaction, timing it; <paramref name="rowsWritten"/> tells how many rows it wrote.</summary>
    public T Run<T>(WeavyDatabase database, Func<Changeset, T> work, Func<T, int> rowsWritten)
    {
        var watch = Stopwatch.StartNew();
        var result = Changeset.Run(database, work);
        _queries += watch.Elapsed;
        _queryCount += rowsWritten(result) + 1;
        return result;
    }

    public object ToWire() => new
    {
        queryCount = _queryCount,
        queryDurationTotal = _queries.ToString("c", CultureInfo.InvariantCulture),
        executionDuration = _execution.Elapsed.ToString("c", CultureInfo.InvariantCulture),
    };
}
