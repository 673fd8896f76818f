using System.Globalization;

namespace ErpConnectors.Sandbox.Hosting;

/// <summary>What the command line asked for: options to start with, or help, or an error.</summary>
internal sealed record CommandLine(SandboxOptions Options, TimeSpan Latency, double TooManyRequestsRate, double ServerErrorRate, bool ShowHelp)
{
    public const int DefaultPort = 5380;
    public const string PortVariable = "ERPCONNECTORS_SANDBOX_PORT";

    public const string Usage = """
        ErpConnectors sandbox: local emulators of the vendor APIs, on 127.0.0.1 only.

        Usage: dotnet run --project src/ErpConnectors.Sandbox -- [options]

          --port <n>                      Port on 127.0.0.1 (default 5380, or $ERPCONNECTORS_SANDBOX_PORT; 0 = any free port)
          --seed <n>                      Seed of the generated data and random faults (default 42)
          --latency <ms>                  Delay added to every API request (default 0)
          --rate429 <p>                   Probability 0..1 of a 429 answer on any API request (default 0)
          --rate5xx <p>                   Probability 0..1 of a 500/503 answer on any API request (default 0)
          --severa-customers <n>          Severa customers to generate (default 3000; millions are fine)
          --severa-rps <n>                Severa calls per second per client id (default 10; 0 = unlimited)
          --severa-max-rows <n>           Largest rowCount Severa lists accept (default 1000)
          --token-lifetime <s>            Severa access token lifetime in seconds (default 3600)
          --refresh-token-lifetime <s>    Severa refresh token lifetime in seconds (default 86400)
          --jiwa-debtors <n>              Jiwa debtors to generate (default 2500)
          --jiwa-take-cap <n>             Jiwa AutoQuery Take cap, rows per list answer at most (default 100)
          --jiwa-session-minutes <n>      Jiwa session lifetime in minutes after sign-in or KeepAlive (default 20)
          --qics-customers <n>            Qics customers to generate (default 500)
          --qics-token-lifetime <s>       Qics access token lifetime in seconds (default 3600)
          --qics-next-links               Qics collections page server-side (50 rows) with @odata.nextLink
          --qics-bare-arrays              Qics collections answer a bare JSON array, not the OData envelope
          --weavy-customers <n>           Weavy customers to generate (default 5000)
          --weavy-token-lifetime <s>      Weavy token lifetime (expiresIn) in seconds (default 3600)
          --weavy-quota <n>               Weavy calls per minute per calling IP, 429 beyond (default 0 = no quota)
          --microbizz-tasks <n>           Microbizz tasks to generate (default 5000; millions are fine, lists stream)
          -h, --help                      Show this help

        Authentication endpoints are exempt from latency and random faults. Stop with Ctrl+C.
        """;

    /// <summary>Parses the arguments; throws <see cref="FormatException"/> with a message for the user.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, string? portVariable)
    {
        var options = new SandboxOptions { Port = DefaultPort };
        if (!string.IsNullOrEmpty(portVariable))
        {
            options.Port = Int(PortVariable, portVariable, 0, 65535);
        }

        var latency = TimeSpan.Zero;
        double rate429 = 0, rate5xx = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?" or "/?")
            {
                return new CommandLine(options, latency, rate429, rate5xx, ShowHelp: true);
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            string Value() => equals > 0 ? arg[(equals + 1)..]
                : i + 1 < args.Count ? args[++i]
                : throw new FormatException($"{name} needs a value.");

            switch (name)
            {
                case "--port": options.Port = Int(name, Value(), 0, 65535); break;
                case "--seed": options.Seed = Int(name, Value(), int.MinValue, int.MaxValue); break;
                case "--latency": latency = TimeSpan.FromMilliseconds(Int(name, Value(), 0, 600_000)); break;
                case "--rate429": rate429 = Probability(name, Value()); break;
                case "--rate5xx": rate5xx = Probability(name, Value()); break;
                case "--severa-customers": options.Severa.CustomerCount = Int(name, Value(), 0, SeveraSandbox.MaxCustomerCount); break;
                case "--severa-rps": options.Severa.RequestsPerSecond = Int(name, Value(), 0, 1_000_000); break;
                case "--severa-max-rows": options.Severa.MaxRowCount = Int(name, Value(), 1, 1_000_000); break;
                case "--token-lifetime": options.Severa.AccessTokenLifetime = TimeSpan.FromSeconds(Int(name, Value(), 1, int.MaxValue)); break;
                case "--refresh-token-lifetime": options.Severa.RefreshTokenLifetime = TimeSpan.FromSeconds(Int(name, Value(), 1, int.MaxValue)); break;
                case "--jiwa-debtors": options.Jiwa.DebtorCount = Int(name, Value(), 0, JiwaSandboxOptions.MaxDebtorCount); break;
                case "--jiwa-take-cap": options.Jiwa.TakeCap = Int(name, Value(), 1, 1_000_000); break;
                case "--jiwa-session-minutes": options.Jiwa.SessionLifetime = TimeSpan.FromMinutes(Int(name, Value(), 1, 525_600)); break;
                case "--qics-customers": options.Qics.CustomerCount = Int(name, Value(), 0, QicsSandbox.MaxCustomerCount); break;
                case "--qics-token-lifetime": options.Qics.AccessTokenLifetime = TimeSpan.FromSeconds(Int(name, Value(), 1, int.MaxValue)); break;
                case "--qics-next-links": options.Qics.UseNextLinks = Flag(name, equals); break;
                case "--qics-bare-arrays": options.Qics.BareArrays = Flag(name, equals); break;
                case "--weavy-customers": options.Weavy.CustomerCount = Int(name, Value(), 0, WeavySandboxOptions.MaxCustomerCount); break;
                case "--weavy-token-lifetime": options.Weavy.TokenLifetime = TimeSpan.FromSeconds(Int(name, Value(), 1, int.MaxValue)); break;
                case "--weavy-quota": options.Weavy.RequestsPerWindow = Int(name, Value(), 0, 1_000_000); break;
                case "--microbizz-tasks": options.Microbizz.TaskCount = Int(name, Value(), 0, MicrobizzSandboxOptions.MaxTaskCount); break;
                default: throw new FormatException($"Unknown option '{arg}'.");
            }
        }

        return new CommandLine(options, latency, rate429, rate5xx, ShowHelp: false);
    }

    /// <summary>Applies the fault settings that every system shares.</summary>
    public void ApplyFaults(SandboxServer server)
    {
        foreach (var faults in new[] { server.Severa.Faults, server.Jiwa.Faults, server.Qics.Faults, server.Weavy.Faults, server.Microbizz.Faults })
        {
            faults.Latency = Latency;
            faults.TooManyRequestsRate = TooManyRequestsRate;
            faults.ServerErrorRate = ServerErrorRate;
        }
    }

    private static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{name} takes a whole number from {min} to {max}, not '{value}'."));

    /// <summary>A switch takes no value: --qics-next-links=true is refused rather than half understood.</summary>
    private static bool Flag(string name, int equals) =>
        equals < 0 ? true : throw new FormatException($"{name} is a switch and takes no value.");

    private static double Probability(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 1
            ? parsed
            : throw new FormatException($"{name} takes a probability from 0 to 1, not '{value}'.");
}
