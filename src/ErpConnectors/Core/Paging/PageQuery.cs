namespace ErpConnectors.Core.Paging;

/// <summary>How much of a list the caller wants and how it is labelled.</summary>
internal sealed class PageQuery
{
    public PageQuery(string typeName, string activity)
    {
        TypeName = typeName;
        Activity = activity;
    }

    /// <summary>PSTypeName of each record (ErpConnectors.Severa.Customer).</summary>
    public string TypeName { get; }

    /// <summary>Progress activity ("Reading Severa customers").</summary>
    public string Activity { get; }

    public int PageSize { get; init; } = 100;

    /// <summary>-First: stop after this many records (null: all).</summary>
    public long? First { get; init; }

    /// <summary>-Skip: leave out this many records first.</summary>
    public long Skip { get; init; }

    /// <summary>
    /// Keeps only the records it accepts, applied as they stream and before -Skip/-First count them: for a filter
    /// the server no longer offers (every page is still read).
    /// </summary>
    public System.Func<object?, bool>? Keep { get; init; }

    /// <summary>
    /// -IncludeTotalCount: makes the count object from the total the answer gave (null when it gave none). The
    /// pager writes it once, before the first record.
    /// </summary>
    public System.Func<long?, object>? TotalCount { get; init; }

    /// <summary>The property holding the array in an enveloped answer (Results, value); null for a bare array.</summary>
    public string? ArrayProperty { get; init; }
}
