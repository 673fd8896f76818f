namespace ErpConnectors.Sandbox;

/// <summary>The hostile-network mode each system starts with: its own, else the one given for all (--hostile).</summary>
public sealed class HostileOptions
{
    private static readonly (string Name, HostileFaultKind Kind)[] Kinds =
    [
        ("redirect-foreign", HostileFaultKind.RedirectForeign),
        ("redirect-foreign-307", HostileFaultKind.RedirectForeignKeepMethod),
        ("redirect-same-origin", HostileFaultKind.RedirectSameOrigin),
        ("stall-body", HostileFaultKind.StallBody),
        ("trickle-body", HostileFaultKind.TrickleBody),
        ("echo-request", HostileFaultKind.EchoRequest),
    ];

    private readonly Dictionary<string, HostileFaultKind?> _systems = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>For every system without its own mode; null = none.</summary>
    public HostileFaultKind? All { get; set; }

    /// <summary>The names the command line takes, in --help order.</summary>
    public static IEnumerable<string> Names => Kinds.Select(k => k.Name).Prepend("none");

    public void Set(string system, HostileFaultKind? mode) => _systems[system] = mode;

    public HostileFaultKind? ModeFor(string system) => _systems.TryGetValue(system, out var mode) ? mode : All;

    public static string Name(HostileFaultKind kind) => Kinds.First(k => k.Kind == kind).Name;

    /// <summary>A mode by its command-line name ("none" = null); a FormatException names the choices.</summary>
    public static HostileFaultKind? Parse(string option, string value)
    {
        if (string.Equals(value, "none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var (name, kind) in Kinds)
        {
            if (string.Equals(name, value, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        throw new FormatException($"{option} takes one of {string.Join(", ", Names)}, not '{value}'.");
    }
}
