using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using ErpConnectors.Core.Json;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// Flattens nested records into one level of scalar properties named by their path (customer.guid,
/// address.country.name) and joins arrays into one string, so Export-Csv writes one value per cell. Dates become
/// ISO 8601 text, so the file reads the same in every culture and goes back in through Import-Csv.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "ErpFlatObject")]
[OutputType(typeof(PSObject))]
public sealed class ConvertToErpFlatObjectCommand : PSCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipeline = true, Position = 0)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    /// <summary>Between the parts of a property path.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string Separator { get; set; } = ".";

    /// <summary>Between the items of an array in one cell.</summary>
    [Parameter]
    public string ArraySeparator { get; set; } = "; ";

    /// <summary>How deep nested objects are followed; deeper ones are written as JSON-like text.</summary>
    [Parameter]
    [ValidateRange(1, 32)]
    public int Depth { get; set; } = 8;

    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        // Made and read like the records themselves (RecordFactory): this cmdlet streams as many rows as they do.
        var flat = RecordFactory.Create(32);
        foreach (string typeName in RecordFactory.TypeNamesOf(InputObject))
        {
            if (typeName.StartsWith("ErpConnectors.", StringComparison.Ordinal))
            {
                RecordFactory.Tag(flat, typeName + ".Flat");
                break;
            }
        }

        Flatten(flat, prefix: null, InputObject, 0);
        WriteObject(flat);
    }

    private void Flatten(PSObject target, string? prefix, PSObject source, int depth)
    {
        foreach (PSPropertyInfo property in source.Properties)
        {
            if (property.MemberType is not (PSMemberTypes.NoteProperty or PSMemberTypes.Property or PSMemberTypes.AliasProperty or PSMemberTypes.ScriptProperty))
            {
                continue;
            }

            string name = prefix is null ? property.Name : prefix + Separator + property.Name;
            object? value;
            try
            {
                value = property.Value;
            }
            catch (GetValueException)
            {
                continue;
            }

            Add(target, name, value, depth);
        }
    }

    private void Add(PSObject target, string name, object? value, int depth)
    {
        object? unwrapped = value is PSObject p ? p.BaseObject : value;
        if (value is PSObject nested && unwrapped is PSCustomObject && depth < Depth)
        {
            Flatten(target, name, nested, depth + 1);
            return;
        }

        if (unwrapped is IDictionary dictionary && depth < Depth)
        {
            Flatten(target, name, PSObjectFrom(dictionary), depth + 1);
            return;
        }

        if (unwrapped is IEnumerable sequence && unwrapped is not string)
        {
            var parts = new List<string>();
            foreach (object? item in sequence)
            {
                parts.Add(Scalar(item));
            }

            target.Properties.Add(new PSNoteProperty(name, string.Join(ArraySeparator, parts)));
            return;
        }

        target.Properties.Add(new PSNoteProperty(name, unwrapped switch
        {
            PSCustomObject => Scalar(value),
            DateTimeOffset or DateTime => Scalar(unwrapped), // Export-Csv would write the culture's format
            _ => unwrapped,
        }));
    }

    /// <summary>
    /// ISO 8601, the same in every culture and read back by every cmdlet: 2024-10-11 for a day (a date without
    /// time or zone), 2024-10-11T15:21:00+00:00 for a moment, fractions of a second only when there are any.
    /// </summary>
    internal static string IsoText(object moment) => moment switch
    {
        DateTimeOffset offset => offset.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateTime { Kind: DateTimeKind.Unspecified, TimeOfDay.Ticks: 0 } day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime { Kind: DateTimeKind.Utc } utc => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        _ => Convert.ToString(moment, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static PSObject PSObjectFrom(IDictionary dictionary)
    {
        var result = new PSObject();
        foreach (DictionaryEntry entry in dictionary)
        {
            result.Properties.Add(new PSNoteProperty(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value));
        }

        return result;
    }

    // An object inside an array becomes "key=value, key=value" (one cell); scalars keep their invariant text.
    private static string Scalar(object? item)
    {
        object? unwrapped = item is PSObject p ? p.BaseObject : item;
        if (item is PSObject nested && unwrapped is PSCustomObject)
        {
            var pairs = new List<string>();
            foreach (PSPropertyInfo property in nested.Properties)
            {
                pairs.Add($"{property.Name}={Scalar(property.Value)}");
            }

            return string.Join(", ", pairs);
        }

        return unwrapped switch
        {
            null => string.Empty,
            DateTimeOffset or DateTime => IsoText(unwrapped),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => unwrapped.ToString() ?? string.Empty,
        };
    }
}
