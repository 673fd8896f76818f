namespace ErpConnectors.Sandbox.Weavy.Schema;

/// <summary>
/// One entity of the project's dictionary: its name, labels and fields. Its key (the record's code) is the
/// field "&lt;entity&gt;_ID", as the document names keys; every entity also carries srvDateUTC and srvExport.
/// </summary>
internal sealed class EntityDefinition
{
    public const string KeySuffix = "_ID";

    private readonly Dictionary<string, FieldDefinition> _byName;

    public EntityDefinition(string name, IReadOnlyList<Translation> translations, IReadOnlyList<FieldDefinition> fields)
    {
        Name = name;
        Translations = translations;
        Fields = fields;
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Key = _byName[KeyName];
    }

    public string Name { get; }

    public string KeyName => Name + KeySuffix;

    public IReadOnlyList<Translation> Translations { get; }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    public FieldDefinition Key { get; }

    /// <summary>A field by its exact name (names are case-sensitive, chosen: the document always writes them one way).</summary>
    public FieldDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The field a case-only misspelling meant, for the error's hint.</summary>
    public FieldDefinition? FindIgnoringCase(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The foreign keys of this entity that point at <paramref name="entity"/>.</summary>
    public IEnumerable<FieldDefinition> ForeignKeysTo(string entity) =>
        Fields.Where(f => string.Equals(f.RefersTo, entity, StringComparison.Ordinal));
}
