namespace ErpConnectors.Sandbox.Weavy.Writes;

/// <summary>What an upsert did to a record.</summary>
internal enum WriteOutcome
{
    Added,
    Updated,

    /// <summary>
    /// The row matched the stored record field for field: nothing written, srvDateUTC kept. The document's
    /// differential rule for datasets, applied to every write (chosen), so re-sending data changes nothing.
    /// </summary>
    Unchanged,
}
