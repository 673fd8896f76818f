namespace ErpConnectors.PesterTests;

/// <summary>One case per Pester file: it passes when the file ran and every test in it passed or was skipped.</summary>
public sealed class PesterFileTests
{
    public static TheoryData<string> Files() => new(PesterSuite.Files());

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_test_in_the_file_passes(string file)
    {
        var run = PesterSuite.Result;
        string fullPath = Path.GetFullPath(Path.Combine(PesterSuite.SuiteFolder, file));
        var entries = run.Entries.Where(e => string.Equals(Path.GetFullPath(e.File), fullPath, StringComparison.Ordinal)).ToList();
        var container = entries.FirstOrDefault(e => e.Kind == "File");
        Assert.True(container is not null, $"{file} did not run (pwsh exited with {run.ExitCode}):\n{Tail(run.Output)}");
        Assert.True(container.Result is "Passed", $"{file}: {container.Result}\n{container.Error}");

        var tests = entries.Where(e => e.Kind == "Test").ToList();
        Assert.NotEmpty(tests);
        var failed = tests.Where(t => t.Result is not ("Passed" or "Skipped")).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {tests.Count} Pester tests in {file} failed:\n"
            + string.Join("\n", failed.Select(t => $"- {t.Name} [{t.Result}]\n  {t.Error?.Replace("\n", "\n  ", StringComparison.Ordinal)}")));
    }

    [Fact]
    public void The_suite_run_finishes_and_reports_every_file()
    {
        var run = PesterSuite.Result;
        Assert.True(run.ExitCode >= 0, $"The Pester run did not finish:\n{Tail(run.Output)}");
        var reported = run.Entries.Where(e => e.Kind == "File").Select(e => Path.GetFullPath(e.File)).ToHashSet(StringComparer.Ordinal);
        Assert.All(PesterSuite.Files(), file => Assert.Contains(Path.GetFullPath(Path.Combine(PesterSuite.SuiteFolder, file)), reported));
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];
}
