using System;
using System.Collections.Generic;
using System.Management.Automation;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Reads the guid of records piped in (every Severa record carries its own "guid").</summary>
internal static class SeveraRecords
{
    public static IEnumerable<Guid> Guids(PSObject[] records, Cmdlet cmdlet)
    {
        foreach (PSObject record in records)
        {
            object? value = record.Properties["guid"]?.Value;
            if (value is not null && System.Guid.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out Guid guid))
            {
                yield return guid;
            }
            else
            {
                cmdlet.WriteError(ErrorMapper.InvalidArgument("Severa.RecordWithoutGuid", "The piped record has no 'guid' property.", record));
            }
        }
    }
}
