using System.Globalization;
using System.Text;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// What the command line asked for: options to start with and the faults of every system, or help. One table of
/// options (<see cref="Specs"/>) drives both the parser and <see cref="Usage"/>, so --help cannot miss an option.
/// </summary>
internal sealed partial class CommandLine
{
    public const int DefaultPort = SandboxCredentials.ModuleDefaultPort;
    public const string PortVariable = "ERPCONNECTORS_SANDBOX_PORT";

    /// <summary>The systems in the order the banner and --help list them: the prefix of their options, and their title.</summary>
    public static readonly IReadOnlyList<(string Name, string Title)> Systems =
    [
        ("severa", "Visma Severa"),
        ("jiwa", "Jiwa Financials"),
        ("qics", "QicsMilestones"),
        ("weavy", "Divalto Weavy"),
        ("microbizz", "Microbizz GO"),
    ];

    private const string General = "General";
    private const string AllFaults = "Faults of every system (a system's own --<system>-latency|-rate429|-rate5xx wins)";

    private static readonly IReadOnlyList<OptionSpec> Specs = BuildSpecs();

    private readonly IReadOnlyDictionary<string, FaultSettings> _faults;

    private CommandLine(ParseState state, bool showHelp)
    {
        Options = state.Options;
        _faults = state.Resolve();
        ExitWithProcessId = state.ExitWith;
        ShowHelp = showHelp;
    }

    public SandboxOptions Options { get; }

    /// <summary>--exit-with: the process whose end stops the sandbox too (Start-ErpSandbox passes its own), or null.</summary>
    public int? ExitWithProcessId { get; }

    public bool ShowHelp { get; }

    /// <summary>Every option, grouped by system, with its default.</summary>
    public static string Usage => RenderUsage();

    /// <summary>The faults the command line set for one system (its own options over the global ones, zero when neither).</summary>
    public FaultSettings FaultsFor(string system) =>
        _faults.TryGetValue(system, out var faults) ? faults : throw new ArgumentException($"No system '{system}'.", nameof(system));

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a message for the user.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, string? portVariable)
    {
        var state = new ParseState(new SandboxOptions { Port = DefaultPort });
        if (!string.IsNullOrEmpty(portVariable))
        {
            state.Options.Port = Int(PortVariable, portVariable, 0, 65535);
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?" or "/?")
            {
                return new CommandLine(state, showHelp: true);
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            var spec = Find(name) ?? throw new FormatException(Unknown(name));
            string value;
            if (spec.Argument is null)
            {
                value = equals < 0 ? string.Empty : throw new FormatException($"{name} is a switch and takes no value.");
            }
            else
            {
                value = equals > 0 ? arg[(equals + 1)..]
                    : i + 1 < args.Count ? args[++i]
                    : throw new FormatException($"{name} needs a value ({spec.Argument}).");
            }

            spec.Apply(state, name, value);
        }

        return new CommandLine(state, showHelp: false);
    }

    /// <summary>Sets every system's latency and random-fault rates on the running server.</summary>
    public void ApplyFaults(SandboxServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        foreach (var system in server.Systems)
        {
            var settings = FaultsFor(system.Name);
            system.Faults.Latency = settings.Latency;
            system.Faults.TooManyRequestsRate = settings.TooManyRequestsRate;
            system.Faults.ServerErrorRate = settings.ServerErrorRate;
            settings.Body.ApplyTo(system.Faults);
        }
    }

    private static OptionSpec? Find(string name) =>
        Specs.FirstOrDefault(s => s.Name == name || s.Aliases.Contains(name, StringComparer.Ordinal));

    /// <summary>The message for an unknown option; one that starts like a system's options lists that system's.</summary>
    private static string Unknown(string name)
    {
        var system = Systems.FirstOrDefault(s => name.StartsWith($"--{s.Name}-", StringComparison.Ordinal));
        return system.Name is null
            ? $"Unknown option '{name}'."
            : $"Unknown option '{name}'. The {system.Title} options: {string.Join(", ", Specs.Where(s => s.Group == system.Name).Select(s => s.Name))}.";
    }

    private static List<OptionSpec> BuildSpecs()
    {
        var d = new SandboxOptions();
        var specs = new List<OptionSpec>
        {
            new(General, "--port", "<n>", $"Port on 127.0.0.1 (default {DefaultPort}, or ${PortVariable}; 0 = any free port)", (s, n, v) => s.Options.Port = Int(n, v, 0, 65535)),
            new(General, "--seed", "<n>", Inv($"Seed of the generated data, random faults and random token expiry (default {d.Seed})"), (s, n, v) => s.Options.Seed = Int(n, v, int.MinValue, int.MaxValue)),
            new(General, "--exit-with", "<pid>", "Stop when the process with this id ends, so a sandbox a script started never outlives it (default: none; Start-ErpSandbox passes its own)", (s, n, v) => s.ExitWith = Int(n, v, 1, int.MaxValue)),
        };

        specs.AddRange(FaultSpecs(AllFaults, "--", "API request of any system", s => s.Global));

        const string Severa = "severa";
        specs.AddRange(
        [
            new(Severa, "--severa-customers", "<n>", Inv($"Customers to generate (default {d.Severa.CustomerCount}; millions are fine, rows are computed)"), (s, n, v) => s.Options.Severa.CustomerCount = Int(n, v, 0, SeveraSandbox.MaxCustomerCount)),
            new(Severa, "--severa-rps", "<n>", Inv($"Calls per second per client id (default {d.Severa.RequestsPerSecond}; 0 = unlimited)"), (s, n, v) => s.Options.Severa.RequestsPerSecond = Int(n, v, 0, 1_000_000)),
            new(Severa, "--severa-max-rows", "<n>", Inv($"Largest rowCount a list accepts (default {d.Severa.MaxRowCount})"), (s, n, v) => s.Options.Severa.MaxRowCount = Int(n, v, 1, 1_000_000)),
            new(Severa, "--severa-limited-max-rows", "<n>", Inv($"Largest rowCount on the lists the published OpenAPI caps at 100 (default {d.Severa.LimitedMaxRowCount})"), (s, n, v) => s.Options.Severa.LimitedMaxRowCount = Int(n, v, 1, 1_000_000)),
            new(Severa, "--severa-cap-row-count", null, "A rowCount above a list's maximum gets the maximum silently (default: refused with 400)", (s, _, _) => s.Options.Severa.RowCountAboveMaximum = SeveraRowCountPolicy.Cap),
            new(Severa, "--severa-token-lifetime", "<s>", Inv($"Access token lifetime in seconds (default {d.Severa.AccessTokenLifetime.TotalSeconds})"), (s, n, v) => s.Options.Severa.AccessTokenLifetime = Seconds(n, v), ["--token-lifetime"]),
            new(Severa, "--severa-refresh-token-lifetime", "<s>", Inv($"Refresh token lifetime in seconds (default {d.Severa.RefreshTokenLifetime.TotalSeconds})"), (s, n, v) => s.Options.Severa.RefreshTokenLifetime = Seconds(n, v), ["--refresh-token-lifetime"]),
        ]);
        specs.AddRange(FaultSpecs(Severa, $"--{Severa}-", "Severa API request", s => s.System(Severa)));

        const string Jiwa = "jiwa";
        specs.AddRange(
        [
            new(Jiwa, "--jiwa-debtors", "<n>", Inv($"Debtors to generate (default {d.Jiwa.DebtorCount}, at most {JiwaSandboxOptions.MaxDebtorCount})"), (s, n, v) => s.Options.Jiwa.DebtorCount = Int(n, v, 0, JiwaSandboxOptions.MaxDebtorCount)),
            new(Jiwa, "--jiwa-take-cap", "<n>", Inv($"AutoQuery Take cap, rows per list answer at most (default {d.Jiwa.TakeCap})"), (s, n, v) => s.Options.Jiwa.TakeCap = Int(n, v, 1, 1_000_000)),
            new(Jiwa, "--jiwa-session-minutes", "<n>", Inv($"Session lifetime in minutes after sign-in or KeepAlive (default {d.Jiwa.SessionLifetime.TotalMinutes})"), (s, n, v) => s.Options.Jiwa.SessionLifetime = TimeSpan.FromMinutes(Int(n, v, 1, 525_600))),
        ]);
        specs.AddRange(FaultSpecs(Jiwa, $"--{Jiwa}-", "Jiwa API request", s => s.System(Jiwa)));

        const string Qics = "qics";
        specs.AddRange(
        [
            new(Qics, "--qics-customers", "<n>", Inv($"Customers to generate (default {d.Qics.CustomerCount}, at most {QicsSandbox.MaxCustomerCount})"), (s, n, v) => s.Options.Qics.CustomerCount = Int(n, v, 0, QicsSandbox.MaxCustomerCount)),
            new(Qics, "--qics-token-lifetime", "<s>", Inv($"Access token lifetime (expires_in) in seconds (default {d.Qics.AccessTokenLifetime.TotalSeconds})"), (s, n, v) => s.Options.Qics.AccessTokenLifetime = Seconds(n, v)),
            new(Qics, "--qics-next-links", null, "Collections page server-side (50 rows) with @odata.nextLink (default off)", (s, _, _) => s.Options.Qics.UseNextLinks = true),
            new(Qics, "--qics-bare-arrays", null, "Collections answer a bare JSON array, not the OData envelope (default off)", (s, _, _) => s.Options.Qics.BareArrays = true),
            new(Qics, "--qics-top-cap", "<n>", "Collection pages hold at most n rows whatever $top asks, with no nextLink (default 0 = $top honoured)", (s, n, v) => s.Options.Qics.SilentTopCap = Int(n, v, 0, 1_000_000)),
            new(Qics, "--qics-no-state-echo", null, "The sign-in redirect does not echo state; only redirect_uri's own query is kept (default: echoed)", (s, _, _) => s.Options.Qics.EchoState = false),
        ]);
        specs.AddRange(FaultSpecs(Qics, $"--{Qics}-", "Qics API request", s => s.System(Qics)));

        const string Weavy = "weavy";
        specs.AddRange(
        [
            new(Weavy, "--weavy-customers", "<n>", Inv($"Customers to generate (default {d.Weavy.CustomerCount}, at most {WeavySandboxOptions.MaxCustomerCount})"), (s, n, v) => s.Options.Weavy.CustomerCount = Int(n, v, 0, WeavySandboxOptions.MaxCustomerCount)),
            new(Weavy, "--weavy-token-lifetime", "<s>", Inv($"Token lifetime (expiresIn) in seconds (default {d.Weavy.TokenLifetime.TotalSeconds})"), (s, n, v) => s.Options.Weavy.TokenLifetime = Seconds(n, v)),
            new(Weavy, "--weavy-quota", "<n>", Inv($"Calls per minute per calling IP, 429 beyond (default {d.Weavy.RequestsPerWindow} = no quota)"), (s, n, v) => s.Options.Weavy.RequestsPerWindow = Int(n, v, 0, 1_000_000)),
            new(Weavy, "--weavy-page-cap", "<n>", "Select pages hold at most n records whatever the limit asks (default 0 = the limit honoured)", (s, n, v) => s.Options.Weavy.SelectPageCap = Int(n, v, 0, 1_000_000)),
        ]);
        specs.AddRange(FaultSpecs(Weavy, $"--{Weavy}-", "Weavy API request", s => s.System(Weavy)));

        const string Microbizz = "microbizz";
        specs.AddRange(
        [
            new(Microbizz, "--microbizz-tasks", "<n>", Inv($"Tasks to generate (default {d.Microbizz.TaskCount}; millions are fine, lists stream)"), (s, n, v) => s.Options.Microbizz.TaskCount = Int(n, v, 0, MicrobizzSandboxOptions.MaxTaskCount)),
            new(Microbizz, "--microbizz-token-expiry-rate", "<p>", Inv($"Probability 0..1 per API request that the token expires at that moment, never on its first (default {d.Microbizz.TokenExpiryRate})"), (s, n, v) => s.Options.Microbizz.TokenExpiryRate = Probability(n, v)),
        ]);
        specs.AddRange(FaultSpecs(Microbizz, $"--{Microbizz}-", "Microbizz API request", s => s.System(Microbizz)));
        specs.AddRange(HostileSpecs());
        return specs;
    }

    /// <summary>--latency, --rate429 and --rate5xx under a prefix ("--" or "--{system}-"), setting the faults <paramref name="target"/> picks.</summary>
    private static OptionSpec[] FaultSpecs(string group, string prefix, string requests, Func<ParseState, FaultOverrides> target)
    {
        // A system's own setting defaults to the global one, which defaults to none.
        string Default(string option) => prefix == "--" ? "default 0" : $"default: --{option}";
        return
        [
            new(group, prefix + "latency", "<ms>", $"Delay added to every {requests} ({Default("latency")})", (s, n, v) => target(s).Latency = TimeSpan.FromMilliseconds(Int(n, v, 0, 600_000))),
            new(group, prefix + "rate429", "<p>", $"Probability 0..1 of a 429 answer on any {requests} ({Default("rate429")})", (s, n, v) => target(s).TooManyRequestsRate = Probability(n, v)),
            new(group, prefix + "rate5xx", "<p>", $"Probability 0..1 of a 500/503 answer on any {requests} ({Default("rate5xx")})", (s, n, v) => target(s).ServerErrorRate = Probability(n, v)),
            .. BodyFaultSpecs(group, prefix, requests, s => target(s).Body),
        ];
    }

    private static string RenderUsage()
    {
        static string Left(OptionSpec spec) => spec.Argument is null ? spec.Name : $"{spec.Name} {spec.Argument}";
        var width = Math.Max(Specs.Max(s => Left(s).Length), "-h, --help".Length) + 2;
        var text = new StringBuilder();
        text.AppendLine("ErpConnectors sandbox: local emulators of the five vendor APIs in one process, on 127.0.0.1 only.");
        text.AppendLine();
        text.AppendLine("Usage: dotnet run --project src/ErpConnectors.Sandbox -- [options]");
        text.AppendLine("       ./build.ps1 Sandbox -SandboxArgument '--port', '5380', ...");
        text.AppendLine("       erp-sandbox [options]            (the .NET tool: ./build.ps1 Package, dotnet tool install)");
        text.AppendLine("       Start-ErpSandbox [parameters]    (from PowerShell, with the module; -ArgumentList takes these options)");
        text.AppendLine("Values: --name value or --name=value.");
        foreach (var group in Specs.Select(s => s.Group).Distinct())
        {
            text.AppendLine();
            text.AppendLine(Systems.FirstOrDefault(s => s.Name == group) is { Title: { } title } ? title : group);
            foreach (var spec in Specs.Where(s => s.Group == group))
            {
                var aliases = spec.Aliases.Count > 0 ? $"; also {string.Join(", ", spec.Aliases)}" : string.Empty;
                var help = aliases.Length == 0 ? spec.Help : spec.Help.EndsWith(')') ? spec.Help[..^1] + aliases + ")" : $"{spec.Help} ({aliases[2..]})";
                text.Append("  ").Append(Left(spec).PadRight(width)).AppendLine(help);
            }

            if (group == General)
            {
                text.Append("  ").Append("-h, --help".PadRight(width)).AppendLine("Show this help");
            }
        }

        text.AppendLine();
        text.AppendLine("Sign-in endpoints (Severa token, Jiwa auth, Qics oauth2, Weavy Authenticate, Microbizz login) get no");
        text.AppendLine("latency or random faults. The banner prints each system's base URI and demo credentials. Stop with Ctrl+C.");
        return text.ToString();
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new FormatException(Inv($"{name} takes a whole number from {min} to {max}, not '{value}'."));

    private static TimeSpan Seconds(string name, string value) => TimeSpan.FromSeconds(Int(name, value, 1, int.MaxValue));

    private static double Probability(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 1
            ? parsed
            : throw new FormatException($"{name} takes a probability from 0 to 1 (e.g. 0.05), not '{value}'.");

    /// <summary>One option: its group (a system's name, or a heading), name, argument placeholder (null = a switch), help with its default, and what it sets.</summary>
    private sealed record OptionSpec(string Group, string Name, string? Argument, string Help, Action<ParseState, string, string> Apply, IReadOnlyList<string>? OtherNames = null)
    {
        public IReadOnlyList<string> Aliases => OtherNames ?? [];
    }

    /// <summary>Fault settings as given: null = not on the command line.</summary>
    private sealed class FaultOverrides
    {
        public TimeSpan? Latency { get; set; }

        public double? TooManyRequestsRate { get; set; }

        public double? ServerErrorRate { get; set; }

        public BodyFaultOverrides Body { get; } = new();
    }

    private sealed class ParseState(SandboxOptions options)
    {
        private readonly Dictionary<string, FaultOverrides> _systems = Systems.ToDictionary(s => s.Name, _ => new FaultOverrides(), StringComparer.Ordinal);

        public SandboxOptions Options { get; } = options;

        public FaultOverrides Global { get; } = new();

        public int? ExitWith { get; set; }

        public FaultOverrides System(string name) => _systems[name];

        /// <summary>Per system: its own setting, else the global one, else zero (whatever order they came in).</summary>
        public Dictionary<string, FaultSettings> Resolve() => _systems.ToDictionary(
            pair => pair.Key,
            pair => new FaultSettings(
                pair.Value.Latency ?? Global.Latency ?? TimeSpan.Zero,
                pair.Value.TooManyRequestsRate ?? Global.TooManyRequestsRate ?? 0,
                pair.Value.ServerErrorRate ?? Global.ServerErrorRate ?? 0,
                pair.Value.Body.Resolve(Global.Body)),
            StringComparer.Ordinal);
    }
}

/// <summary>Latency and random-fault rates for one system, as <see cref="FaultOptions"/> takes them.</summary>
internal readonly record struct FaultSettings(TimeSpan Latency, double TooManyRequestsRate, double ServerErrorRate, BodyFaultSettings Body = default);
