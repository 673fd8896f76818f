using ErpConnectors.Sandbox.Qics.Http;

namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>An entity type: its name and properties, the key first (every key here is an Edm.Int64).</summary>
internal sealed class EntitySchema
{
    /// <summary>The namespace of the emulated model (chosen; it appears in messages only).</summary>
    public const string Namespace = "Qics";

    private readonly Dictionary<string, EdmProperty> _byName;

    public EntitySchema(string name, IReadOnlyList<EdmProperty> properties)
    {
        Name = name;
        Properties = properties;
        _byName = properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public string QualifiedName => Namespace + "." + Name;

    public EdmProperty Key => Properties[0];

    public IReadOnlyList<EdmProperty> Properties { get; }

    /// <summary>A property by its exact name (OData names are case-sensitive), or null.</summary>
    public EdmProperty? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>A property by its exact name, or a 400 naming the problem (and the right spelling when only the case differs).</summary>
    public EdmProperty Resolve(string name, string target) => Find(name) ?? throw QicsErrors.UnknownProperty(this, name, target);

    /// <summary>The property whose name differs from <paramref name="name"/> only in case, for hints.</summary>
    public EdmProperty? FindIgnoringCase(string name) =>
        Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
