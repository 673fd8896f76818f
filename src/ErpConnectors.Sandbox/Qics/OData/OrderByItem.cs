using ErpConnectors.Sandbox.Qics.Http;

namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>One $orderby entry: a property and a direction.</summary>
internal sealed record OrderByItem(EdmProperty Property, bool Descending)
{
    public const string Target = "$orderby";

    /// <summary>"Name desc, CustomerId" → items; a property twice, an unknown one or a bad direction → 400.</summary>
    public static IReadOnlyList<OrderByItem> ParseList(string text, EntitySchema schema)
    {
        var items = new List<OrderByItem>();
        foreach (var part in text.Split(','))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 2)
            {
                throw QicsErrors.BadRequest($"The $orderby '{text}' is not valid: each entry is a property name, optionally followed by asc or desc, separated by commas.", Target);
            }

            var property = schema.Resolve(words[0], Target);
            var descending = words.Length == 2 && (words[1] switch
            {
                "asc" => false,
                "desc" => true,
                _ => throw QicsErrors.BadRequest($"The $orderby direction '{words[1]}' is not valid: asc or desc (lower case).", Target),
            });
            if (items.Any(i => i.Property == property))
            {
                throw QicsErrors.BadRequest($"The $orderby names '{property.Name}' more than once.", Target);
            }

            items.Add(new OrderByItem(property, descending));
        }

        return items;
    }

    /// <summary>Sorts by the items, then by the key, so paging through any order is stable.</summary>
    public static List<Row> Sort(IEnumerable<Row> rows, IReadOnlyList<OrderByItem> items, EntitySchema schema)
    {
        var keyed = items.Any(i => i.Property == schema.Key) ? items : [.. items, new OrderByItem(schema.Key, false)];
        var list = rows.ToList();
        list.Sort((a, b) =>
        {
            foreach (var item in keyed)
            {
                var order = ODataValues.CompareNullsFirst(a[item.Property.Name], b[item.Property.Name]);
                if (order != 0)
                {
                    return item.Descending ? -order : order;
                }
            }

            return 0;
        });
        return list;
    }
}
