namespace ErpConnectors.RunspaceTests;

/// <summary>
/// The "Test your runbook against the sandbox" example is shown in README.md and about_ErpSandbox and run from
/// tests/Examples by the Pester suite: the shown text is the tested text.
/// </summary>
public sealed class SandboxExampleDocsTests
{
    private static readonly string[] ExampleFiles = ["Sync-SeveraCustomersToWeavy.ps1", "Sync-SeveraCustomersToWeavy.Tests.ps1"];

    [Fact]
    public void The_README_shows_the_example_files_as_they_are()
    {
        string readme = Normalize(File.ReadAllText(Path.Combine(ModulePaths.RepoRoot, "README.md")));
        Assert.Contains("## Test your runbook against the sandbox", readme, StringComparison.Ordinal);
        foreach (string file in ExampleFiles)
        {
            Assert.Contains("```powershell\n" + Example(file) + "\n```", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_about_topic_ships_with_the_module_and_shows_the_example_files_as_they_are()
    {
        string about = Normalize(File.ReadAllText(Path.Combine(ModulePaths.ModuleFolder, "en-US", "about_ErpSandbox.help.txt")));
        Assert.StartsWith("TOPIC\n    about_ErpSandbox\n", about, StringComparison.Ordinal);
        foreach (string file in ExampleFiles)
        {
            string indented = string.Join("\n", Example(file).Split('\n').Select(l => l.Length == 0 ? l : "        " + l));
            Assert.Contains(indented, about, StringComparison.Ordinal);
        }
    }

    private static string Example(string file) =>
        Normalize(File.ReadAllText(Path.Combine(ModulePaths.RepoRoot, "tests", "Examples", file))).TrimEnd('\n');

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
