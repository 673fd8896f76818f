using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>
/// Names the object field a typed cmdlet's parameter stands for. The typed cmdlets are declarations: their
/// bound parameters become the fields sent (writes) or the filters asked for (lists), so none repeats the
/// generic cmdlets' request code.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class MicrobizzFieldAttribute : Attribute
{
    public MicrobizzFieldAttribute(string name)
    {
        Name = name;
    }

    public string Name { get; }
}

/// <summary>A cmdlet for one object of the table (task, company...): the parameter marked with its key field names the object.</summary>
public abstract class MicrobizzTypedCmdlet : MicrobizzCmdlet
{
    internal abstract string ObjectName { get; }

    private string? KeyField => MicrobizzApi.Find(ObjectName)?.Key;

    /// <summary>The ids bound to the key parameter (one or many), or null when it was not given.</summary>
    internal string[]? KeyValues()
    {
        foreach ((PropertyInfo property, string field) in BoundFieldProperties())
        {
            if (field == KeyField)
            {
                // Null or empty: an earlier piped record bound it and PowerShell restored the default for this one.
                object? value = property.GetValue(this);
                IEnumerable<object?> values = value is Array many ? many.Cast<object?>() : new[] { value };
                string[] ids = values.Where(v => v is not null).Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
                return ids.Length == 0 ? null : ids;
            }
        }

        return null;
    }

    /// <summary>
    /// The given fields, in wire form, the key excepted. A null or empty value is a field not given: PowerShell
    /// keeps a parameter an earlier piped row bound in BoundParameters (with its default value restored), and an
    /// empty CSV cell means "no value", not "set to empty"; to clear a field use Set-MicrobizzObject.
    /// </summary>
    internal Dictionary<string, object?> Fields()
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach ((PropertyInfo property, string field) in BoundFieldProperties())
        {
            if (field != KeyField && WireValue(property.GetValue(this)) is { } value && !(value is string text && text.Length == 0))
            {
                fields[field] = value;
            }
        }

        return fields;
    }

    /// <summary>
    /// Values as the API writes them: booleans true/false, times "YYYY-MM-DD HH:MM:SS" (the API's clock time: a
    /// DateTimeOffset is taken in local time, as a DateTime typed in the session is), names lower case.
    /// </summary>
    internal static object? WireValue(object? value) => value switch
    {
        SwitchParameter flag => flag.IsPresent,
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.LocalDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        Enum name => name.ToString().ToLowerInvariant(),
        _ => value,
    };

    // MyInvocation.BoundParameters holds this record's pipeline-bound values too, so a piped CSV row's columns count.
    private IEnumerable<(PropertyInfo Property, string Field)> BoundFieldProperties() =>
        from property in GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public)
        let field = property.GetCustomAttribute<MicrobizzFieldAttribute>()
        where field is not null && MyInvocation.BoundParameters.ContainsKey(property.Name)
        select (property, field.Name);
}

/// <summary>
/// Reads one type: by id (the key parameter, piped records' key or reference fields bind to it), or the whole
/// list filtered by the bound filter parameters and -Filter, streamed as it arrives.
/// </summary>
public abstract class GetMicrobizzTypedCmdlet : MicrobizzTypedCmdlet
{
    /// <summary>Other fields to filter on, as query parameters named like the fields.</summary>
    [Parameter(ParameterSetName = "List")]
    public Hashtable? Filter { get; set; }

    internal virtual bool IncludeBinary => false;

    /// <summary>Filters that are not one field = one parameter (-Unread).</summary>
    internal virtual void AddFilters(IDictionary<string, object?> filter)
    {
    }

    protected override void ProcessRecord()
    {
        if (KeyValues() is { } ids)
        {
            ReadById(ObjectName, ids, IncludeBinary);
            return;
        }

        // Field names are lower case on the wire: -Filter @{ Status = ... } replaces -Status rather than adding a second one.
        var filter = new Dictionary<string, object?>(Fields(), StringComparer.OrdinalIgnoreCase);
        AddFilters(filter);
        if (Filter is not null)
        {
            foreach (DictionaryEntry entry in Filter)
            {
                filter[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
            }
        }

        ReadList(ObjectName, filter, IncludeBinary);
    }
}

/// <summary>Creates one object from the bound parameters (a piped CSV row's columns bind by name).</summary>
public abstract class NewMicrobizzTypedCmdlet : MicrobizzTypedCmdlet
{
    /// <summary>Fields that need work before sending (a file read from disk); false after an error for this object.</summary>
    internal virtual bool TryAddFields(IDictionary<string, object?> fields) => true;

    protected override void ProcessRecord()
    {
        Dictionary<string, object?> fields = Fields();
        if (TryAddFields(fields))
        {
            Create(ObjectName, fields, fields);
        }
    }
}

/// <summary>Changes the given fields of one object; the others are left as they are.</summary>
public abstract class SetMicrobizzTypedCmdlet : MicrobizzTypedCmdlet
{
    /// <summary>Returns the object as the server has it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    internal virtual bool TryAddFields(IDictionary<string, object?> fields) => true;

    protected override void ProcessRecord()
    {
        Dictionary<string, object?> fields = Fields();
        if (KeyValues() is { Length: 1 } ids && TryAddFields(fields))
        {
            Update(ObjectName, ids[0], fields, PassThru);
        }
    }
}

/// <summary>Deletes objects by id (ConfirmImpact High on every derived cmdlet).</summary>
public abstract class RemoveMicrobizzTypedCmdlet : MicrobizzTypedCmdlet
{
    protected override void ProcessRecord()
    {
        foreach (string id in KeyValues() ?? Array.Empty<string>())
        {
            Delete(ObjectName, id);
        }
    }
}
