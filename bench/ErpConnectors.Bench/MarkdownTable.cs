namespace ErpConnectors.Bench;

/// <summary>Prints a Markdown table row by row, as results come (a run takes minutes); text columns align left.</summary>
internal sealed class MarkdownTable
{
    private readonly int _columns;

    /// <param name="columns">Headers; a header starting with '&lt;' is a left-aligned (text) column, the '&lt;' dropped.</param>
    public MarkdownTable(params string[] columns)
    {
        _columns = columns.Length;
        Console.WriteLine();
        Console.WriteLine("| " + string.Join(" | ", columns.Select(c => c.TrimStart('<'))) + " |");
        Console.WriteLine("|" + string.Concat(columns.Select(c => c.StartsWith('<') ? "---|" : "---:|")));
    }

    public void Row(params string[] cells)
    {
        if (cells.Length != _columns)
        {
            throw new ArgumentException($"{_columns} cells expected, {cells.Length} given.", nameof(cells));
        }

        Console.WriteLine("| " + string.Join(" | ", cells) + " |");
    }
}
