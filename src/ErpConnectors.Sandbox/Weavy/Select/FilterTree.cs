using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Select;

/// <summary>
/// filterFields and filterGroups made into one predicate. A filter no group names is ANDed with the rest; a
/// group combines the filters and subgroups it names with its groupLogicalOperator; groups no other group
/// names are ANDed with the ungrouped filters. A filterKey may be given to several filters: the production
/// integration sends its srvDate range as two filters keyed "srvDateKey"; a group naming such a key takes them
/// all (ANDed). The field srvDate is the change stamp srvDateUTC under the name that integration filters on.
/// Chosen strictness: a group naming a key that does not exist, a group that names nothing, and groups that
/// contain each other are 400.
/// </summary>
internal static class FilterTree
{
    /// <summary>The name the production integration filters the change stamp on.</summary>
    public const string ChangeFilterField = "srvDate";

    public static Func<WeavyRecord, bool> Build(JsonElement body, EntityDefinition entity)
    {
        var filters = body.OptionalArray("filterFields");
        var groups = body.OptionalArray("filterGroups");

        var keyed = new Dictionary<string, List<FilterCondition>>(StringComparer.Ordinal);
        var all = new List<(string? Key, FilterCondition Condition)>();
        for (var i = 0; i < filters.Count; i++)
        {
            var where = WeavyBody.Index("filterFields", i);
            var filter = WeavyBody.ExpectObject(filters[i], where);
            var key = filter.OptionalString("filterKey", where);
            var condition = ReadCondition(filter, entity, where);
            if (key is not null)
            {
                if (!keyed.TryGetValue(key, out var same))
                {
                    keyed[key] = same = [];
                }

                same.Add(condition);
            }

            all.Add((key, condition));
        }

        var definitions = new Dictionary<string, (string Where, bool Or, List<string> Filters, List<string> Groups)>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var where = WeavyBody.Index("filterGroups", i);
            var group = WeavyBody.ExpectObject(groups[i], where);
            var key = group.RequiredString("groupKey", where);
            var logical = group.OptionalString("groupLogicalOperator", where) ?? "AND";
            var or = logical.ToUpperInvariant() switch
            {
                "AND" => false,
                "OR" => true,
                _ => throw WeavyErrors.InvalidRequest($"{where}.groupLogicalOperator must be AND or OR, not '{logical}'.", WeavyBody.Path(where, "groupLogicalOperator")),
            };
            var filterKeys = WeavyBody.NonBlankStrings(group.OptionalArray("filterKeys", where), WeavyBody.Path(where, "filterKeys"), "a filterKey");
            var groupKeys = WeavyBody.NonBlankStrings(group.OptionalArray("groupKeys", where), WeavyBody.Path(where, "groupKeys"), "a groupKey");
            if (filterKeys.Count + groupKeys.Count == 0)
            {
                throw WeavyErrors.InvalidRequest($"{where} names no filterKeys and no groupKeys.", where);
            }

            if (!definitions.TryAdd(key, (where, or, filterKeys, groupKeys)))
            {
                throw WeavyErrors.InvalidRequest($"{where}.groupKey '{key}' is given twice.", WeavyBody.Path(where, "groupKey"));
            }
        }

        var built = new Dictionary<string, Func<WeavyRecord, bool>>(StringComparer.Ordinal);
        var building = new HashSet<string>(StringComparer.Ordinal);
        Func<WeavyRecord, bool> Group(string key)
        {
            if (built.TryGetValue(key, out var done))
            {
                return done;
            }

            var (where, or, filterKeys, groupKeys) = definitions[key];
            if (!building.Add(key))
            {
                throw WeavyErrors.InvalidRequest($"{where}: group '{key}' contains itself through its groupKeys.", WeavyBody.Path(where, "groupKeys"));
            }

            var parts = new List<Func<WeavyRecord, bool>>();
            foreach (var filterKey in filterKeys)
            {
                var conditions = keyed.GetValueOrDefault(filterKey)
                    ?? throw WeavyErrors.InvalidRequest($"{where}.filterKeys: no filter has the filterKey '{filterKey}'.", WeavyBody.Path(where, "filterKeys"));
                parts.Add(r => conditions.All(c => c.Matches(r)));
            }

            foreach (var groupKey in groupKeys)
            {
                if (!definitions.ContainsKey(groupKey))
                {
                    throw WeavyErrors.InvalidRequest($"{where}.groupKeys: no group has the groupKey '{groupKey}'.", WeavyBody.Path(where, "groupKeys"));
                }

                parts.Add(Group(groupKey));
            }

            building.Remove(key);
            Func<WeavyRecord, bool> combined = or ? r => parts.Any(p => p(r)) : r => parts.All(p => p(r));
            built[key] = combined;
            return combined;
        }

        var groupedFilters = definitions.Values.SelectMany(d => d.Filters).ToHashSet(StringComparer.Ordinal);
        var nestedGroups = definitions.Values.SelectMany(d => d.Groups).ToHashSet(StringComparer.Ordinal);
        var top = all.Where(f => f.Key is null || !groupedFilters.Contains(f.Key)).Select(f => (Func<WeavyRecord, bool>)f.Condition.Matches).ToList();
        foreach (var key in definitions.Keys)
        {
            var group = Group(key);
            if (!nestedGroups.Contains(key))
            {
                top.Add(group);
            }
        }

        return record => top.All(p => p(record));
    }

    private static FilterCondition ReadCondition(JsonElement filter, EntityDefinition entity, string where)
    {
        var fieldName = filter.RequiredString("fieldName", where);
        var field = (fieldName == ChangeFilterField ? entity.Find(FieldDefinition.ServerDate) : entity.Find(fieldName)) ?? throw WeavyErrors.UnknownField(entity, fieldName, WeavyBody.Path(where, "fieldName"));
        var operatorName = filter.RequiredString("operator", where);
        var op = SelectOperators.Find(operatorName) ?? throw WeavyErrors.UnknownOperator(operatorName, WeavyBody.Path(where, "operator"));

        var valuesWhere = WeavyBody.Path(where, "filterValues");
        var raw = WeavyBody.ExpectArray(filter.Required("filterValues", where), valuesWhere).EnumerateArray().ToList();
        if (op == ComparisonOperator.In ? raw.Count == 0 : raw.Count != 1)
        {
            throw WeavyErrors.InvalidRequest(
                op == ComparisonOperator.In ? $"{valuesWhere}: In takes one value or more." : $"{valuesWhere}: {op} takes exactly one value.",
                valuesWhere);
        }

        if (op is ComparisonOperator.Contains or ComparisonOperator.StartsWith && !field.Type.IsText())
        {
            throw WeavyErrors.InvalidRequest($"{where}: {op} applies to text fields; '{field.Name}' is {field.Type.WireName()}.", WeavyBody.Path(where, "operator"));
        }

        var values = new List<object?>();
        for (var i = 0; i < raw.Count; i++)
        {
            var valueWhere = WeavyBody.Index(valuesWhere, i);
            if (!FieldValues.TryRead(raw[i], LengthFree(field), out var value, out var problem))
            {
                throw WeavyErrors.InvalidValue(valueWhere, problem);
            }

            if (value is null && op is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual))
            {
                throw WeavyErrors.InvalidValue(valueWhere, $"null is only compared with Equal or NotEqual, not {op}");
            }

            values.Add(value);
        }

        return new FilterCondition(field, op, values);
    }

    /// <summary>A filter value may be longer than the field holds (it just matches nothing).</summary>
    private static FieldDefinition LengthFree(FieldDefinition field) => field with { Length = null };
}
