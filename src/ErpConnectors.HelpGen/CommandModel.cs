using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;

namespace ErpConnectors.HelpGen;

/// <summary>What the engine says about one exported cmdlet (Get-Command): the facts the markdown must not repeat.</summary>
internal sealed class CommandModel
{
    /// <summary>Parameters the engine adds to every cmdlet; documented once, in about_CommonParameters.</summary>
    public static readonly HashSet<string> CommonParameters = new(Cmdlet.CommonParameters, StringComparer.OrdinalIgnoreCase);

    private CommandModel(CmdletInfo cmdlet)
    {
        Name = cmdlet.Name;
        Verb = cmdlet.Verb;
        Noun = cmdlet.Noun;
        HelpFile = System.IO.Path.GetFileName(cmdlet.HelpFile);
        Defaults = DefaultValues(cmdlet.ImplementingType);

        // One model per parameter, in the order of the default (else first) set, then any others.
        var sets = cmdlet.ParameterSets.ToList();
        var parameters = new Dictionary<string, ParameterModel>(StringComparer.OrdinalIgnoreCase);
        foreach (CommandParameterSetInfo set in sets.OrderByDescending(s => s.IsDefault))
        {
            foreach (CommandParameterInfo info in set.Parameters)
            {
                if (CommonParameters.Contains(info.Name))
                {
                    continue;
                }

                if (!parameters.TryGetValue(info.Name, out ParameterModel? model))
                {
                    model = new ParameterModel(info, Defaults.TryGetValue(info.Name, out string? value) ? value : null);
                    parameters.Add(info.Name, model);
                }

                model.Sets.Add(new ParameterInSet(set.Name, info.IsMandatory, info.Position, info.ValueFromPipeline, info.ValueFromPipelineByPropertyName));
            }
        }

        Parameters = parameters.Values.ToList();
        ParameterSets = sets.Select(set => new ParameterSetModel(
            set.Name,
            set.IsDefault,
            set.Parameters
                .Where(p => !CommonParameters.Contains(p.Name))
                .Select((p, order) => (p, order))
                .OrderBy(x => x.p.Position < 0 ? int.MaxValue : x.p.Position)
                .ThenBy(x => x.order)
                .Select(x => (Parameter: parameters[x.p.Name], InSet: parameters[x.p.Name].Sets.First(s => s.SetName == set.Name)))
                .ToList())).ToList();

        // Every name a parameter answers to (with the common ones), for checking the examples' code.
        ParameterNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in cmdlet.Parameters)
        {
            ParameterNames[entry.Key] = entry.Key;
            foreach (string alias in entry.Value.Aliases)
            {
                ParameterNames[alias] = entry.Key;
            }
        }

        SetsOfParameter = cmdlet.Parameters.ToDictionary(
            e => e.Key,
            e => (IReadOnlyCollection<string>)e.Value.ParameterSets.Keys.ToList(),
            StringComparer.OrdinalIgnoreCase);
        AllSetNames = sets.Select(s => s.Name).ToList();
        OutputTypes = cmdlet.OutputType.Select(t => t.Name).Where(n => !string.Equals(n, "System.Void", StringComparison.Ordinal)).Distinct().ToList();
    }

    public string Name { get; }

    public string Verb { get; }

    public string Noun { get; }

    /// <summary>The help file the engine looks for (ErpConnectors.dll-Help.xml).</summary>
    public string HelpFile { get; }

    public IReadOnlyList<ParameterModel> Parameters { get; }

    public IReadOnlyList<ParameterSetModel> ParameterSets { get; }

    /// <summary>Parameter names and aliases (common parameters included) → the parameter's name.</summary>
    public Dictionary<string, string> ParameterNames { get; }

    /// <summary>Parameter → the sets it belongs to ("__AllParameterSets" for all).</summary>
    public Dictionary<string, IReadOnlyCollection<string>> SetsOfParameter { get; }

    public IReadOnlyList<string> AllSetNames { get; }

    /// <summary>From [OutputType]; empty when the cmdlet returns nothing.</summary>
    public IReadOnlyList<string> OutputTypes { get; }

    public Dictionary<string, string> Defaults { get; }

    public static CommandModel From(CmdletInfo cmdlet) => new(cmdlet);

    /// <summary>Default values as a new instance of the cmdlet has them; "no value" defaults are left out.</summary>
    private static Dictionary<string, string> DefaultValues(Type type)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        object? instance;
        try
        {
            instance = Activator.CreateInstance(type);
        }
        catch (MissingMethodException)
        {
            return result;
        }

        try
        {
            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            {
                if (!property.CanRead || property.GetIndexParameters().Length > 0 ||
                    !property.IsDefined(typeof(ParameterAttribute), inherit: true))
                {
                    continue;
                }

                if (Describe(property.GetValue(instance)) is { } text)
                {
                    result[property.Name] = text;
                }
            }
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }

        return result;
    }

    private static string? Describe(object? value)
    {
        switch (value)
        {
            case null:
            case SecureString:
            case PSCredential:
            case string { Length: 0 }:
                return null;
            case SwitchParameter sw:
                return sw.IsPresent ? "True" : "False";
            case Enum e:
                return e.ToString();
            case string s:
                return s.Trim().Length == s.Length ? s : $"\"{s}\""; // make edge spaces visible: "; "
            case IEnumerable items:
                string[] parts = items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? string.Empty).ToArray();
                return parts.Length == 0 ? null : string.Join(", ", parts);
        }

        Type type = value.GetType();
        if (type.IsValueType && value.Equals(Activator.CreateInstance(type)))
        {
            return null; // 0, false, DateTime.MinValue, Guid.Empty: not given means "not used"
        }

        return Convert.ToString(value, CultureInfo.InvariantCulture);
    }
}

internal sealed record ParameterInSet(string SetName, bool Mandatory, int Position, bool ByValue, bool ByPropertyName);

internal sealed record ParameterSetModel(string Name, bool IsDefault, IReadOnlyList<(ParameterModel Parameter, ParameterInSet InSet)> Parameters);

internal sealed class ParameterModel
{
    public ParameterModel(CommandParameterInfo info, string? defaultValue)
    {
        Name = info.Name;
        Type = info.ParameterType;
        Aliases = info.Aliases.ToList();
        Globbing = info.Attributes.OfType<SupportsWildcardsAttribute>().Any();
        DefaultValue = defaultValue;
        PSTypeName = info.Attributes.OfType<PSTypeNameAttribute>().FirstOrDefault()?.PSTypeName;
        Type valueType = Nullable.GetUnderlyingType(Type) ?? Type;
        Type elementType = valueType.IsArray ? valueType.GetElementType()! : valueType;
        ValidValues = info.Attributes.OfType<ValidateSetAttribute>().FirstOrDefault()?.ValidValues.ToList()
            ?? (elementType.IsEnum ? Enum.GetNames(elementType).ToList() : new List<string>());
    }

    public string Name { get; }

    public Type Type { get; }

    public IReadOnlyList<string> Aliases { get; }

    public bool Globbing { get; }

    public string? DefaultValue { get; }

    /// <summary>[PSTypeName("...")] on a PSObject parameter: the kind of record it takes.</summary>
    public string? PSTypeName { get; }

    public IReadOnlyList<string> ValidValues { get; }

    public List<ParameterInSet> Sets { get; } = new();

    public bool IsSwitch => Type == typeof(SwitchParameter);

    public bool IsArray => (Nullable.GetUnderlyingType(Type) ?? Type).IsArray;

    /// <summary>Mandatory in every set it belongs to.</summary>
    public bool Required => Sets.All(s => s.Mandatory);

    /// <summary>"0", "named", or one per set when they differ: "0 (ByGuid), named (List)".</summary>
    public string Position
    {
        get
        {
            var distinct = Sets.Select(s => PositionText(s.Position)).Distinct().ToList();
            return distinct.Count == 1 ? distinct[0] : string.Join(", ", Sets.Select(s => $"{PositionText(s.Position)} ({s.SetName})"));
        }
    }

    public string PipelineInput
    {
        get
        {
            var kinds = new List<string>();
            if (Sets.Any(s => s.ByValue))
            {
                kinds.Add("ByValue");
            }

            if (Sets.Any(s => s.ByPropertyName))
            {
                kinds.Add("ByPropertyName");
            }

            return kinds.Count == 0 ? "False" : $"True ({string.Join(", ", kinds)})";
        }
    }

    public static string PositionText(int position) => position < 0 ? "named" : position.ToString(CultureInfo.InvariantCulture);

    /// <summary>The type as help shows it: Guid[], String, SwitchParameter (nullable wrappers dropped).</summary>
    public string ShortTypeName => TypeName(Type, full: false);

    public string FullTypeName => TypeName(Type, full: true);

    private static string TypeName(Type type, bool full)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!, full) + "[]";
        }

        if (type.IsGenericType)
        {
            string name = (full ? type.GetGenericTypeDefinition().FullName! : type.Name);
            name = name.Substring(0, name.IndexOf('`', StringComparison.Ordinal));
            return $"{name}[{string.Join(",", type.GetGenericArguments().Select(a => TypeName(a, full)))}]";
        }

        return full ? type.FullName ?? type.Name : type.Name;
    }
}
