using System.Text.RegularExpressions;
using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The executable's options: global faults, per-system overrides, token knobs, errors, --help.</summary>
public sealed partial class CommandLineTests
{
    private static readonly string[] SystemNames = ["severa", "jiwa", "qics", "weavy", "microbizz"];

    [Fact]
    public void A_systems_own_fault_options_win_over_the_global_ones_in_any_order()
    {
        var parsed = CommandLine.Parse(
            ["--microbizz-latency", "5", "--latency", "100", "--jiwa-rate429=0.5", "--rate429", "0.1", "--rate5xx", "0.01", "--qics-rate5xx", "0"],
            portVariable: null);

        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(5), 0.1, 0.01), parsed.FaultsFor("microbizz"));
        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(100), 0.5, 0.01), parsed.FaultsFor("jiwa"));
        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(100), 0.1, 0), parsed.FaultsFor("qics"));
        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(100), 0.1, 0.01), parsed.FaultsFor("severa"));
        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(100), 0.1, 0.01), parsed.FaultsFor("weavy"));
        Assert.Throws<ArgumentException>(() => parsed.FaultsFor("nosuchsystem"));
    }

    [Theory]
    [InlineData("severa")]
    [InlineData("jiwa")]
    [InlineData("qics")]
    [InlineData("weavy")]
    [InlineData("microbizz")]
    public void Each_system_has_latency_rate429_and_rate5xx_options_that_touch_it_alone(string system)
    {
        var parsed = CommandLine.Parse([$"--{system}-latency", "7", $"--{system}-rate429", "0.25", $"--{system}-rate5xx=0.125"], null);

        foreach (var name in SystemNames)
        {
            var expected = name == system ? new FaultSettings(TimeSpan.FromMilliseconds(7), 0.25, 0.125) : default;
            Assert.Equal(expected, parsed.FaultsFor(name));
        }
    }

    [Fact]
    public async Task ApplyFaults_gives_every_system_of_the_server_its_own_settings()
    {
        var parsed = CommandLine.Parse(["--latency", "3", "--rate429", "0.2", "--severa-rate429", "0", "--weavy-latency", "9", "--microbizz-rate5xx", "0.75"], null);
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());

        parsed.ApplyFaults(server);

        // The command line knows every system the server serves, in the same order.
        Assert.Equal(server.Systems.Select(s => s.Name), CommandLine.Systems.Select(s => s.Name));
        Assert.Equal(SystemNames, server.Systems.Select(s => s.Name));
        FaultSettings Actual(FaultOptions f) => new(f.Latency, f.TooManyRequestsRate, f.ServerErrorRate);
        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(3), 0, 0), Actual(server.Severa.Faults));
        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(3), 0.2, 0), Actual(server.Jiwa.Faults));
        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(3), 0.2, 0), Actual(server.Qics.Faults));
        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(9), 0.2, 0), Actual(server.Weavy.Faults));
        Assert.Equal(new FaultSettings(TimeSpan.FromMilliseconds(3), 0.2, 0.75), Actual(server.Microbizz.Faults));
    }

    [Fact]
    public void Every_systems_token_or_session_knob_is_read()
    {
        var parsed = CommandLine.Parse(
            [
                "--severa-token-lifetime", "60", "--severa-refresh-token-lifetime=120", "--jiwa-session-minutes", "5",
                "--qics-token-lifetime", "90", "--weavy-token-lifetime", "30", "--microbizz-token-expiry-rate", "0.25",
            ],
            null);

        var options = parsed.Options;
        Assert.Equal(TimeSpan.FromSeconds(60), options.Severa.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromSeconds(120), options.Severa.RefreshTokenLifetime);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Jiwa.SessionLifetime);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Qics.AccessTokenLifetime);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Weavy.TokenLifetime);
        Assert.Equal(0.25, options.Microbizz.TokenExpiryRate);
        Assert.Equal(0, CommandLine.Parse([], null).Options.Microbizz.TokenExpiryRate);

        // The older Severa names still work.
        var old = CommandLine.Parse(["--token-lifetime", "61", "--refresh-token-lifetime", "121"], null).Options.Severa;
        Assert.Equal((TimeSpan.FromSeconds(61), TimeSpan.FromSeconds(121)), (old.AccessTokenLifetime, old.RefreshTokenLifetime));
    }

    [Theory]
    [InlineData(new[] { "--microbizz-token-expiry-rate", "1.5" }, "--microbizz-token-expiry-rate takes a probability from 0 to 1 (e.g. 0.05), not '1.5'.")]
    [InlineData(new[] { "--microbizz-token-expiry-rate", "NaN" }, "--microbizz-token-expiry-rate takes a probability from 0 to 1 (e.g. 0.05), not 'NaN'.")]
    [InlineData(new[] { "--jiwa-rate429=-0.1" }, "--jiwa-rate429 takes a probability from 0 to 1 (e.g. 0.05), not '-0.1'.")]
    [InlineData(new[] { "--weavy-rate5xx", "half" }, "--weavy-rate5xx takes a probability from 0 to 1 (e.g. 0.05), not 'half'.")]
    [InlineData(new[] { "--severa-latency", "abc" }, "--severa-latency takes a whole number from 0 to 600000, not 'abc'.")]
    [InlineData(new[] { "--qics-latency", "-5" }, "--qics-latency takes a whole number from 0 to 600000, not '-5'.")]
    [InlineData(new[] { "--severa-token-lifetime", "0" }, "--severa-token-lifetime takes a whole number from 1 to 2147483647, not '0'.")]
    [InlineData(new[] { "--token-lifetime", "0" }, "--token-lifetime takes a whole number from 1 to 2147483647, not '0'.")]
    [InlineData(new[] { "--microbizz-latency" }, "--microbizz-latency needs a value (<ms>).")]
    [InlineData(new[] { "--microbizz-latancy", "5" }, "Unknown option '--microbizz-latancy'. The Microbizz GO options: --microbizz-tasks, --microbizz-token-expiry-rate, --microbizz-latency, --microbizz-rate429, --microbizz-rate5xx, --microbizz-cut-rate, --microbizz-cut-after, --microbizz-html-rate, --microbizz-huge-error-rate, --microbizz-huge-error-mb.")]
    [InlineData(new[] { "--bogus" }, "Unknown option '--bogus'.")]
    [InlineData(new[] { "--qics-next-links=true" }, "--qics-next-links is a switch and takes no value.")]
    public void A_bad_value_is_refused_with_a_message_naming_the_option(string[] args, string message)
    {
        var error = Assert.Throws<FormatException>(() => CommandLine.Parse(args, null));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Body_faults_are_set_per_system_over_the_global_ones()
    {
        var parsed = CommandLine.Parse(["--cut-rate", "0.1", "--severa-cut-rate", "0.5", "--severa-cut-after", "4000", "--jiwa-html-rate=0.25", "--weavy-huge-error-rate", "1", "--weavy-huge-error-mb", "3"], null);

        // 0 for a size: the default one.
        Assert.Equal(new BodyFaultSettings(0.5, 4000, 0, 0, 0), parsed.FaultsFor("severa").Body);
        Assert.Equal(new BodyFaultSettings(0.1, 0, 0.25, 0, 0), parsed.FaultsFor("jiwa").Body);
        Assert.Equal(new BodyFaultSettings(0.1, 0, 0, 1, 3L * 1024 * 1024), parsed.FaultsFor("weavy").Body);
        Assert.Equal(0.1, parsed.FaultsFor("microbizz").Body.CutOffRate);

        var faults = new FaultOptions();
        parsed.FaultsFor("jiwa").Body.ApplyTo(faults);
        Assert.Equal(FaultOptions.DefaultCutAfterBytes, faults.CutAfterBytes);
        Assert.Equal(0.25, faults.HtmlRate);
    }

    [Fact]
    public void Help_lists_every_option_under_its_system_with_its_default()
    {
        var sections = Sections(CommandLine.Usage);

        Assert.Equal(
            ["General", "Faults of every system", "Visma Severa", "Jiwa Financials", "QicsMilestones", "Divalto Weavy", "Microbizz GO", "Hostile network"],
            sections.Keys.Select(k => k.Split(" (")[0]));
        Assert.Equal(["--port", "--seed", "--exit-with", "-h, --help"], sections["General"].Select(l => l.Name));
        Assert.Equal(["--latency", "--rate429", "--rate5xx", "--cut-rate", "--cut-after", "--html-rate", "--huge-error-rate", "--huge-error-mb"], sections.Single(s => s.Key.StartsWith("Faults", StringComparison.Ordinal)).Value.Select(l => l.Name));
        (string Title, string System, string[] Knobs)[] systems =
        [
            ("Visma Severa", "severa", ["--severa-customers", "--severa-rps", "--severa-max-rows", "--severa-limited-max-rows", "--severa-cap-row-count", "--severa-token-lifetime", "--severa-refresh-token-lifetime"]),
            ("Jiwa Financials", "jiwa", ["--jiwa-debtors", "--jiwa-take-cap", "--jiwa-session-minutes"]),
            ("QicsMilestones", "qics", ["--qics-customers", "--qics-token-lifetime", "--qics-next-links", "--qics-bare-arrays", "--qics-top-cap", "--qics-no-state-echo"]),
            ("Divalto Weavy", "weavy", ["--weavy-customers", "--weavy-token-lifetime", "--weavy-quota", "--weavy-page-cap"]),
            ("Microbizz GO", "microbizz", ["--microbizz-tasks", "--microbizz-token-expiry-rate"]),
        ];
        foreach (var (title, system, expected) in systems)
        {
            Assert.Equal([.. expected, $"--{system}-latency", $"--{system}-rate429", $"--{system}-rate5xx", $"--{system}-cut-rate", $"--{system}-cut-after", $"--{system}-html-rate", $"--{system}-huge-error-rate", $"--{system}-huge-error-mb"], sections[title].Select(l => l.Name));
        }

        var options = sections.Values.SelectMany(l => l).Where(l => l.Name != "-h, --help").ToList();
        Assert.All(options, line => Assert.Matches(@"\(default[ :]", line.Help));

        // The defaults shown are the ones the sandbox uses.
        var defaults = new SandboxOptions();
        string Help(string name) => options.Single(l => l.Name == name).Help;
        Assert.Contains($"(default {defaults.Severa.CustomerCount};", Help("--severa-customers"), StringComparison.Ordinal);
        Assert.Contains("(default 3600; also --token-lifetime)", Help("--severa-token-lifetime"), StringComparison.Ordinal);
        Assert.Contains($"(default {defaults.Jiwa.SessionLifetime.TotalMinutes})", Help("--jiwa-session-minutes"), StringComparison.Ordinal);
        Assert.Contains("(default 0)", Help("--microbizz-token-expiry-rate"), StringComparison.Ordinal);
        Assert.Contains($"(default {CommandLine.DefaultPort},", Help("--port"), StringComparison.Ordinal);
        Assert.Contains("(default: --latency)", Help("--microbizz-latency"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_option_help_lists_is_one_the_parser_takes()
    {
        var lines = Sections(CommandLine.Usage).Values.SelectMany(l => l).Where(l => l.Name != "-h, --help").ToList();
        Assert.True(lines.Count >= 30, $"only {lines.Count} options listed");
        foreach (var line in lines)
        {
            string[] args = line.Argument switch
            {
                null => [line.Name],
                "<p>" => [line.Name, "0.5"],
                "<kind>" => [line.Name, "stall-body"],
                _ => [line.Name, "2"],
            };
            var parsed = CommandLine.Parse(args, null);
            Assert.False(parsed.ShowHelp);
        }
    }

    [Fact]
    public void Hostile_modes_are_set_for_all_systems_and_one_system_wins()
    {
        var parsed = CommandLine.Parse(["--severa-hostile", "echo-request", "--hostile", "redirect-foreign", "--jiwa-hostile", "none"], null);

        Assert.Equal(HostileFaultKind.EchoRequest, parsed.Options.Hostile.ModeFor("severa"));
        Assert.Equal(HostileFaultKind.RedirectForeign, parsed.Options.Hostile.ModeFor("weavy"));
        Assert.Null(parsed.Options.Hostile.ModeFor("jiwa"));
        var error = Assert.Throws<FormatException>(() => CommandLine.Parse(["--hostile", "bogus"], null));
        Assert.Contains("stall-body", error.Message, StringComparison.Ordinal);
        Assert.Contains("--hostile <kind>", CommandLine.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_is_asked_for_with_any_of_the_usual_spellings()
    {
        foreach (var spelling in new[] { "-h", "--help", "-?", "/?" })
        {
            Assert.True(CommandLine.Parse(["--port", "1", spelling, "--bogus"], null).ShowHelp);
        }

        Assert.False(CommandLine.Parse([], null).ShowHelp);
    }

    /// <summary>
    /// Usage split into sections: blocks between blank lines whose first line is a heading and every other line an
    /// option. Heading → (name, argument, help) in order.
    /// </summary>
    private static Dictionary<string, List<(string Name, string? Argument, string Help)>> Sections(string usage)
    {
        var sections = new Dictionary<string, List<(string Name, string? Argument, string Help)>>();
        var blocks = usage.ReplaceLineEndings("\n").Split("\n\n");
        foreach (var block in blocks)
        {
            var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var options = lines.Skip(1).Select(l => OptionLine().Match(l)).ToList();
            if (lines.Length < 2 || char.IsWhiteSpace(lines[0][0]) || !options.All(m => m.Success))
            {
                continue;
            }

            sections.Add(lines[0], [.. options.Select(m => (m.Groups["name"].Value, m.Groups["argument"].Success ? m.Groups["argument"].Value : null, m.Groups["help"].Value))]);
        }

        return sections;
    }

    [GeneratedRegex(@"^  (?<name>-h, --help|--[a-z0-9-]+)(?: (?<argument><[a-z]+>))?\s{2,}(?<help>\S.*)$")]
    private static partial Regex OptionLine();
}
