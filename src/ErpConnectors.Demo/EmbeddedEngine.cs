using System.Text.RegularExpressions;

namespace ErpConnectors.Demo;

/// <summary>
/// The embedded engine has only PowerShell's core cmdlets (no Microsoft.PowerShell.Utility), so README scripts that
/// end in <c>$report | Export-Csv -Path $path -NoTypeInformation</c>, as a pwsh user writes them, cannot run there as
/// they are. The demo and the runspace tests run them through <see cref="AdaptScript"/>, which swaps each such line
/// for the same file written with .NET: a header from the first row's property names, then one line per row, every
/// field quoted (quotes doubled), as Export-Csv writes it. Nothing is added to the module, and no other line changes.
/// </summary>
public static partial class EmbeddedEngine
{
    // One statement on one line, so the script's other lines keep their numbers in error messages.
    private const string WriteCsv =
        "& { param($rows, $path) $rows = @($rows); "
        + "$quote = { '\"' + ([string]$args[0] -replace '\"', '\"\"') + '\"' }; "
        + "$columns = if ($rows.Count) { @($rows[0].PSObject.Properties.Name) } else { @() }; "
        + "$lines = if ($rows.Count) { @(@($columns | ForEach-Object { & $quote $_ }) -join ',') + @($rows | ForEach-Object { $row = $_; @($columns | ForEach-Object { & $quote $row.$_ }) -join ',' }) } else { @() }; "
        + "[IO.File]::WriteAllLines($path, [string[]]$lines) }";

    /// <summary>The script with each <c>$rows | Export-Csv -Path $path -NoTypeInformation</c> line swapped.</summary>
    public static string AdaptScript(string script) =>
        ExportCsvLine().Replace(script, match => $"{match.Groups["indent"].Value}{WriteCsv} {match.Groups["rows"].Value} {match.Groups["path"].Value}");

    /// <summary>Whether <see cref="AdaptScript"/> changes anything in the script.</summary>
    public static bool NeedsAdapting(string script) => ExportCsvLine().IsMatch(script);

    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<rows>\$\w+) \| Export-Csv -Path (?<path>\$\w+) -NoTypeInformation[ \t]*(?=\r?$)", RegexOptions.Multiline)]
    private static partial Regex ExportCsvLine();
}
