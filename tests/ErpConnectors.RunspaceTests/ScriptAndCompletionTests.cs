using System.Management.Automation.Language;

namespace ErpConnectors.RunspaceTests;

public class ScriptAndCompletionTests
{
    [Theory]
    [InlineData("build.ps1")]
    [InlineData("module/ErpConnectors.psm1")]
    [InlineData("ErpConnectors.psd1")]
    [InlineData("PSScriptAnalyzerSettings.psd1")]
    public void The_repositorys_PowerShell_files_parse_without_errors(string file)
    {
        Parser.ParseFile(Path.Combine(ModulePaths.RepoRoot, file), out _, out ParseError[] errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Scope_completes_from_the_vendors_scope_table()
    {
        using var session = new PowerShellSession();
        const string line = "Connect-Severa -Scope invoices:w";
        var matches = session.RunOk($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText")
            .Select(o => o.ToString()).ToList();

        Assert.Equal(new[] { "invoices:write" }, matches);
    }
}
