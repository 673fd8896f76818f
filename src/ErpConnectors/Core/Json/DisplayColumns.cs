using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;

namespace ErpConnectors.Core.Json;

/// <summary>
/// The columns a table shows for records whose fields depend on the query (Qics entities, Weavy records): the
/// fields asked for with -Property, else the first few scalar ones, as the record's DefaultDisplayPropertySet.
/// One member set serves every record of a call. Export-Csv, ConvertTo-Json and Format-List * still see every field.
/// </summary>
internal sealed class DisplayColumns
{
    // Four columns: PowerShell shows a record with at most four display properties as a table.
    private const int DefaultCount = 4;

    private readonly string[]? _chosen;
    private PSMemberSet? _standardMembers;

    public DisplayColumns(string[]? chosen) => _chosen = chosen is { Length: > 0 } ? chosen : null;

    public object? Apply(object? value)
    {
        if (value is not PSObject record || record.BaseObject is not PSCustomObject)
        {
            return value;
        }

        _standardMembers ??= new PSMemberSet("PSStandardMembers", new PSMemberInfo[] { new PSPropertySet("DefaultDisplayPropertySet", Columns(record)) });
        if (record.Members["PSStandardMembers"] is null)
        {
            record.Members.Add(_standardMembers);
        }

        return record;
    }

    private string[] Columns(PSObject record)
    {
        var names = record.Properties.Select(p => p.Name).ToList();
        if (_chosen is not null)
        {
            // As the record spells them (the server's casing), in the order asked for.
            return _chosen.Select(c => names.FirstOrDefault(n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase)) ?? c).ToArray();
        }

        return record.Properties
            .Where(p => IsScalar(p.Value))
            .Select(p => p.Name)
            .Take(DefaultCount)
            .ToArray();
    }

    private static bool IsScalar(object? value)
    {
        object? bare = value is PSObject wrapped ? wrapped.BaseObject : value;
        return bare is not (PSCustomObject or IDictionary) && (bare is string || bare is not IEnumerable);
    }
}
