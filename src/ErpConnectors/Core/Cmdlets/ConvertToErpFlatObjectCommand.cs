using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
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

    // Column names per path, made once: most streams hold one or a few record kinds, so a row costs lookups, not
    // string concatenation and the engine's member checks. Capped so that input with ever new keys cannot grow it
    // without bound (beyond the cap, columns are made per row, as before).
    private const int MaxCachedColumns = 10_000;
    private readonly FlatColumn _root = new(name: null);
    private readonly Dictionary<string, FlatColumn> _columnsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, bool> _ownMembersOnly = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _flatTypeNames = new(StringComparer.Ordinal);
    private int _row;
    private int _lastWidth = 16;

    protected override void ProcessRecord()
    {
        if (InputObject is null)
        {
            return;
        }

        _row = unchecked(_row + 1);

        // Made and read like the records themselves (RecordFactory): this cmdlet streams as many rows as they do.
        var flat = RecordFactory.Create(_lastWidth);
        if (FlatTypeName(InputObject) is { } flatTypeName)
        {
            RecordFactory.Tag(flat, flatTypeName);
        }

        _lastWidth = Flatten(flat, _root, InputObject, 0, 0);
        WriteObject(flat);
    }

    private string? FlatTypeName(PSObject source)
    {
        foreach (string typeName in RecordFactory.TypeNamesOf(source))
        {
            if (typeName.StartsWith("ErpConnectors.", StringComparison.Ordinal))
            {
                if (!_flatTypeNames.TryGetValue(typeName, out string? flatName))
                {
                    flatName = typeName + ".Flat";
                    _flatTypeNames[typeName] = flatName;
                }

                return flatName;
            }
        }

        return null;
    }

    private int Flatten(PSObject target, FlatColumn parent, PSObject source, int depth, int width)
    {
        if (ReadsOwnMembers(source))
        {
            OrderedDictionary? members = RecordFactory.OwnMembers(source);
            int count = members?.Count ?? 0;
            for (int i = 0; i < count; i++)
            {
                object? member = members![i];
                if (member is PSNoteProperty note)
                {
                    width = Add(target, ChildAt(parent, i, note.Name), note.Value, depth, width);
                }
                else if (member is PSPropertyInfo property && IsFlattened(property) && TryRead(property, out object? value))
                {
                    width = Add(target, Child(parent, property.Name), value, depth, width);
                }
            }

            return width;
        }

        foreach (PSPropertyInfo property in source.Properties)
        {
            if (IsFlattened(property) && TryRead(property, out object? value))
            {
                width = Add(target, Child(parent, property.Name), value, depth, width);
            }
        }

        return width;
    }

    private static bool IsFlattened(PSPropertyInfo property) =>
        property.MemberType is PSMemberTypes.NoteProperty or PSMemberTypes.Property or PSMemberTypes.AliasProperty or PSMemberTypes.ScriptProperty;

    private static bool TryRead(PSPropertyInfo property, out object? value)
    {
        try
        {
            value = property.Value;
            return true;
        }
        catch (GetValueException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>
    /// Whether a custom object's own members are all its properties: the session's type data adds none to objects of
    /// its kind (checked once per kind and invocation, by comparing with the public <c>Properties</c>).
    /// </summary>
    private bool ReadsOwnMembers(PSObject source)
    {
        if (source.BaseObject is not PSCustomObject || !RecordFactory.ReadsOwnMembers)
        {
            return false;
        }

        IList<string> typeNames = RecordFactory.TypeNamesOf(source);
        string kind = typeNames.Count > 0 ? typeNames[0] : string.Empty;
        if (!_ownMembersOnly.TryGetValue(kind, out bool ownOnly))
        {
            var own = new List<string>();
            if (RecordFactory.OwnMembers(source) is { } members)
            {
                foreach (object? member in members.Values)
                {
                    if (member is PSPropertyInfo property && IsFlattened(property))
                    {
                        own.Add(property.Name);
                    }
                }
            }

            var all = new List<string>();
            foreach (PSPropertyInfo property in source.Properties)
            {
                if (IsFlattened(property))
                {
                    all.Add(property.Name);
                }
            }

            ownOnly = own.SequenceEqual(all, StringComparer.OrdinalIgnoreCase);
            _ownMembersOnly[kind] = ownOnly;
        }

        return ownOnly;
    }

    private int Add(PSObject target, FlatColumn column, object? value, int depth, int width)
    {
        object? unwrapped = value is PSObject p ? p.BaseObject : value;
        if (value is PSObject nested && unwrapped is PSCustomObject && depth < Depth)
        {
            return Flatten(target, column, nested, depth + 1, width);
        }

        if (unwrapped is IDictionary dictionary && depth < Depth)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                width = Add(target, Child(column, Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty), entry.Value, depth + 1, width);
            }

            return width;
        }

        if (unwrapped is IEnumerable sequence && unwrapped is not string)
        {
            var parts = new List<string>();
            foreach (object? item in sequence)
            {
                parts.Add(Scalar(item));
            }

            return Put(target, column, string.Join(ArraySeparator, parts), width);
        }

        return Put(target, column, unwrapped switch
        {
            PSCustomObject => Scalar(value),
            DateTimeOffset or DateTime => Scalar(unwrapped), // Export-Csv would write the culture's format
            _ => unwrapped,
        }, width);
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

    private int Put(PSObject target, FlatColumn column, object? value, int width)
    {
        var property = new PSNoteProperty(column.Name ?? string.Empty, value);
        if (column.Row == _row || !column.Cached)
        {
            // Two paths that flatten to one name ("a.b" and a -> b) go through the engine's checked add, which keeps
            // the last value, as before; so does a column past the cache's cap, which cannot tell.
            target.Properties.Add(property);
            return width + 1;
        }

        column.Row = _row;
        RecordFactory.AddNew(target, property, ref column.Noted);
        return width + 1;
    }

    /// <summary>
    /// The column of the <paramref name="position"/>th member under <paramref name="parent"/>: records of one kind list
    /// their members in one order, with the very same name strings (the JSON reader pools them), so a reference check
    /// finds the column without hashing the name.
    /// </summary>
    private FlatColumn ChildAt(FlatColumn parent, int position, string name)
    {
        (string Name, FlatColumn Column)[]? seen = parent.ByPosition;
        if (seen is not null && position < seen.Length && ReferenceEquals(seen[position].Name, name))
        {
            return seen[position].Column;
        }

        FlatColumn column = Child(parent, name);
        if (column.Cached && position < 64)
        {
            if (seen is null || position >= seen.Length)
            {
                Array.Resize(ref seen, Math.Max(position + 1, seen is null ? 8 : seen.Length * 2));
                parent.ByPosition = seen;
            }

            seen[position] = (name, column);
        }

        return column;
    }

    private FlatColumn Child(FlatColumn parent, string name)
    {
        if (parent.Children is { } children && children.TryGetValue(name, out FlatColumn? known))
        {
            return known;
        }

        string flatName = parent.Name is null ? name : parent.Name + Separator + name;
        if (_columnsByName.Count >= MaxCachedColumns)
        {
            return _columnsByName.TryGetValue(flatName, out FlatColumn? existing) ? existing : new FlatColumn(flatName, cached: false);
        }

        // One column per name whatever the path to it, so a name reached twice in one row is seen as a duplicate.
        if (!_columnsByName.TryGetValue(flatName, out FlatColumn? column))
        {
            column = new FlatColumn(flatName);
            _columnsByName[flatName] = column;
        }

        (parent.Children ??= new Dictionary<string, FlatColumn>(StringComparer.OrdinalIgnoreCase))[name] = column;
        return column;
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

    /// <summary>A column of the flat rows: its name, and the last row that filled it.</summary>
    private sealed class FlatColumn
    {
        public FlatColumn(string? name, bool cached = true)
        {
            Name = name;
            Cached = cached;
        }

        /// <summary>The dotted path; null only for the root.</summary>
        public string? Name { get; }

        /// <summary>False beyond the cache's cap: such a column is made for one row and added the checked way.</summary>
        public bool Cached { get; }

        public Dictionary<string, FlatColumn>? Children { get; set; }

        /// <summary>The columns last found for each member position under this one (see ChildAt).</summary>
        public (string Name, FlatColumn Column)[]? ByPosition { get; set; }

        public int Row;

        /// <summary>Whether this invocation has added a property of this name before (see RecordFactory.AddNew).</summary>
        public bool Noted;
    }
}
