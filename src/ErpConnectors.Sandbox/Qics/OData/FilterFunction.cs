namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// The canonical functions the sandbox evaluates: contains, startswith, endswith (case-insensitive, like the
/// comparisons; false when an argument is null) and tolower, toupper.
/// </summary>
internal sealed record FilterFunction(string Name, IReadOnlyList<EdmType> Parameters, EdmType Result, Func<object?[], object?> Invoke)
{
    public static readonly IReadOnlyList<FilterFunction> All =
    [
        Match("contains", (text, part) => text.Contains(part, StringComparison.OrdinalIgnoreCase)),
        Match("startswith", (text, part) => text.StartsWith(part, StringComparison.OrdinalIgnoreCase)),
        Match("endswith", (text, part) => text.EndsWith(part, StringComparison.OrdinalIgnoreCase)),
        new("tolower", [EdmType.String], EdmType.String, args => (args[0] as string)?.ToLowerInvariant()),
        new("toupper", [EdmType.String], EdmType.String, args => (args[0] as string)?.ToUpperInvariant()),
    ];

    public static FilterFunction? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    private static FilterFunction Match(string name, Func<string, string, bool> test) =>
        new(name, [EdmType.String, EdmType.String], EdmType.Boolean, args => args is [string text, string part] && test(text, part));
}
