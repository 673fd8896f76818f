using System.Globalization;
using ErpConnectors.Sandbox.Qics.Http;

namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// The OData system query options of one request, checked against the entity type. Names are lower case and
/// exact (chosen: a misspelt $Top must not silently give the default page); parameters without '$' are
/// custom query options and ignored, as OData says. Each option at most once.
/// </summary>
internal sealed class ODataQuery
{
    /// <summary>Rows a query without $top gets (the vendor's documented default).</summary>
    public const int DefaultTop = 50;

    private static readonly string[] CollectionOptions = ["$filter", "$orderby", "$select", "$top", "$skip", "$count"];
    private static readonly string[] EntityOptions = ["$select"];

    private ODataQuery()
    {
    }

    public Func<Row, bool>? Filter { get; private init; }

    public IReadOnlyList<OrderByItem> OrderBy { get; private init; } = [];

    /// <summary>The selected properties in the order given; null = all.</summary>
    public IReadOnlyList<EdmProperty>? Select { get; private init; }

    public long? Top { get; private init; }

    public long Skip { get; private init; }

    public bool Count { get; private init; }

    /// <summary>Options of a collection GET. $top above <paramref name="maxTop"/> is refused (chosen), in ASP.NET's words.</summary>
    public static ODataQuery ForCollection(HttpContext context, EntitySchema schema, int maxTop)
    {
        var options = Read(context, CollectionOptions, "collections");
        var top = Number(options, "$top");
        if (top > maxTop)
        {
            throw QicsErrors.BadRequest(
                string.Create(CultureInfo.InvariantCulture, $"The limit of '{maxTop}' for Top query has been exceeded. The value from the incoming request is '{top}'."),
                "$top");
        }

        return new ODataQuery
        {
            Filter = options.TryGetValue("$filter", out var filter) ? FilterParser.Parse(filter, schema) : null,
            OrderBy = options.TryGetValue("$orderby", out var orderBy) ? OrderByItem.ParseList(orderBy, schema) : [],
            Select = ParseSelect(options, schema),
            Top = top,
            Skip = Number(options, "$skip") ?? 0,
            Count = options.TryGetValue("$count", out var count) && ParseCount(count),
        };
    }

    /// <summary>Options of a single-entity GET: $select only.</summary>
    public static ODataQuery ForEntity(HttpContext context, EntitySchema schema) =>
        new() { Select = ParseSelect(Read(context, EntityOptions, "collections, not to a single entity"), schema) };

    private static Dictionary<string, string> Read(HttpContext context, string[] accepted, string whereOthersApply)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Request.Query)
        {
            if (!name.StartsWith('$'))
            {
                continue;
            }

            if (!accepted.Contains(name))
            {
                var lower = name.ToLowerInvariant();
                var problem = lower != name && (CollectionOptions.Contains(lower))
                    ? $"The query option '{name}' is not known: option names are lower case ({lower})."
                    : CollectionOptions.Contains(name)
                        ? $"The query option '{name}' applies to {whereOthersApply}."
                        : $"The query option '{name}' is not supported by the sandbox. Supported: {string.Join(", ", accepted)}.";
                throw QicsErrors.BadRequest(problem, name);
            }

            if (values.Count != 1)
            {
                throw QicsErrors.BadRequest($"Query option '{name}' was specified more than once, but it must be specified at most once.", name);
            }

            options[name] = values[0] ?? string.Empty;
        }

        return options;
    }

    private static long? Number(Dictionary<string, string> options, string name)
    {
        if (!options.TryGetValue(name, out var text))
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw QicsErrors.BadRequest($"Invalid value '{text}' for {name} query option found: a whole number from 0 is expected.", name);
    }

    private static bool ParseCount(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw QicsErrors.BadRequest($"'{text}' is not a valid value for $count: true or false.", "$count"),
    };

    private static List<EdmProperty>? ParseSelect(Dictionary<string, string> options, EntitySchema schema)
    {
        if (!options.TryGetValue("$select", out var text) || text.Trim() == "*")
        {
            return null;
        }

        var selected = new List<EdmProperty>();
        foreach (var part in text.Split(','))
        {
            var name = part.Trim();
            if (name.Length == 0)
            {
                throw QicsErrors.BadRequest($"The $select '{text}' is not valid: property names separated by commas.", "$select");
            }

            var property = schema.Resolve(name, "$select");
            if (!selected.Contains(property))
            {
                selected.Add(property);
            }
        }

        return selected;
    }
}
