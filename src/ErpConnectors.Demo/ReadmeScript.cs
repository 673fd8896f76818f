namespace ErpConnectors.Demo;

/// <summary>
/// Reads a script from README.md between <c>&lt;!-- NAME:begin --&gt;</c> and <c>&lt;!-- NAME:end --&gt;</c>, so the
/// README shows exactly what the demo runs.
/// </summary>
public static class ReadmeScript
{
    public static string Extract(string readmePath, string name)
    {
        string text = File.ReadAllText(readmePath);
        string begin = $"<!-- {name}:begin -->";
        string end = $"<!-- {name}:end -->";
        int start = text.IndexOf(begin, StringComparison.Ordinal);
        int stop = text.IndexOf(end, StringComparison.Ordinal);
        if (start < 0 || stop < start)
        {
            throw new InvalidOperationException($"README.md has no '{begin}' ... '{end}' block.");
        }

        string block = text.Substring(start + begin.Length, stop - start - begin.Length);
        int fence = block.IndexOf("```powershell", StringComparison.Ordinal);
        int close = fence < 0 ? -1 : block.IndexOf("```", fence + 3, StringComparison.Ordinal);
        if (fence < 0 || close < 0)
        {
            throw new InvalidOperationException($"The '{name}' block of README.md holds no ```powershell fence.");
        }

        return block.Substring(fence + "```powershell".Length, close - fence - "```powershell".Length).Trim();
    }
}
