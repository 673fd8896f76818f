using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;

namespace ErpConnectors.Weavy;

/// <summary>
/// The criteria of a Select, turned into its body: -Filter @{ city = 'Lyon'; revenue = @{ GreaterThan = 1000 };
/// status = 'A','B' } (a scalar is Equal, an array is In, a nested hashtable names the operators), combined with AND
/// (or OR with -Or, as one filter group), -ChangedSince and the export status as conditions always ANDed, the
/// returned fields and the sort.
/// </summary>
internal sealed class WeavySelect
{
    private readonly List<OrderedDictionary> _filters = new();
    private readonly List<string> _orKeys = new();

    public WeavySelect(string entity) => Entity = entity;

    public string Entity { get; }

    public string? CompanyCode { get; set; }

    public string[]? ReturnFields { get; set; }

    public string[]? SortBy { get; set; }

    public bool Descending { get; set; }

    /// <summary>The fields the filters name (checked against the dictionary before anything is sent).</summary>
    public IEnumerable<string> FieldNames => _filters.Select(f => (string)f["fieldName"]!);

    /// <summary>Adds -Filter; returns an error naming the offending key or operator instead.</summary>
    public ErrorRecord? AddFilter(IDictionary? filter, bool or)
    {
        if (filter is null)
        {
            return null;
        }

        foreach (DictionaryEntry entry in filter)
        {
            string field = Convert.ToString(PSObject.AsPSObject(entry.Key).BaseObject, CultureInfo.InvariantCulture) ?? string.Empty;
            object? value = entry.Value is PSObject p ? p.BaseObject : entry.Value;
            if (value is IDictionary operators)
            {
                foreach (DictionaryEntry op in operators)
                {
                    string name = Convert.ToString(PSObject.AsPSObject(op.Key).BaseObject, CultureInfo.InvariantCulture) ?? string.Empty;
                    string? canonical = WeavyApi.Operators.FirstOrDefault(o => string.Equals(o, name, StringComparison.OrdinalIgnoreCase));
                    if (canonical is null)
                    {
                        return ErrorMapper.InvalidArgument("Weavy.UnknownOperator", $"'{name}' (for {field}) is not a Select operator. Operators: {string.Join(", ", WeavyApi.Operators)}.", name);
                    }

                    Add(field, canonical, op.Value, or);
                }
            }
            else if (value is IEnumerable items && value is not string)
            {
                Add(field, "In", items, or);
            }
            else
            {
                Add(field, "Equal", value, or);
            }
        }

        return null;
    }

    /// <summary>A condition always ANDed with the rest (-ChangedSince).</summary>
    public void AddCondition(string field, string op, object value) => Add(field, op, value, or: false);

    private void Add(string field, string op, object? value, bool or)
    {
        string key = "f" + (_filters.Count + 1).ToString(CultureInfo.InvariantCulture);
        var values = new List<object?>();
        if (value is IEnumerable items && value is not string)
        {
            foreach (object? item in items)
            {
                values.Add(WeavyValues.Normalize(item));
            }
        }
        else
        {
            values.Add(WeavyValues.Normalize(value));
        }

        _filters.Add(new OrderedDictionary { ["filterKey"] = key, ["fieldName"] = field, ["operator"] = op, ["filterValues"] = values });
        if (or)
        {
            _orKeys.Add(key);
        }
    }

    public byte[] Body(int limit, long offset)
    {
        var body = new OrderedDictionary();
        if (CompanyCode is not null)
        {
            body["companyCode"] = CompanyCode;
        }

        body["entityName"] = Entity;
        body["limit"] = limit;
        body["offset"] = offset;
        if (ReturnFields is { Length: > 0 })
        {
            body["returnFields"] = ReturnFields.Select(f => new OrderedDictionary { ["fieldName"] = f }).ToList();
        }

        if (_filters.Count > 0)
        {
            body["filterFields"] = _filters;
        }

        // Filters outside any group are ANDed; -Or puts the -Filter conditions in one OR group (ANDed with the rest).
        if (_orKeys.Count > 1)
        {
            body["filterGroups"] = new List<OrderedDictionary> { new() { ["groupKey"] = "g1", ["groupLogicalOperator"] = "OR", ["filterKeys"] = _orKeys, ["groupKeys"] = Array.Empty<string>() } };
        }

        if (SortBy is { Length: > 0 })
        {
            body["sortFields"] = SortBy.Select(f => new OrderedDictionary { ["fieldName"] = f, ["direction"] = Descending ? "DESC" : "ASC" }).ToList();
        }

        return JsonBody.Serialize(body);
    }
}
