namespace ErpConnectors.Sandbox.Weavy.Schema;

/// <summary>One field of an entity as the dictionary describes it.</summary>
/// <param name="Length">fieldLength: the most characters a text holds; null for other types and foreign keys (as in the document's example).</param>
internal sealed record FieldDefinition(string Name, FieldType Type, int? Length, IReadOnlyList<Translation> Translations)
{
    /// <summary>The server's change stamp: set on every write, never taken from a request.</summary>
    public const string ServerDate = "srvDateUTC";

    /// <summary>The export status (0 = not exported).</summary>
    public const string ServerExport = "srvExport";

    /// <summary>The entity a foreign key points at: the field is named after that entity's key, "&lt;entity&gt;_ID".</summary>
    public string? RefersTo => Type == FieldType.ForeignKey ? Name[..^EntityDefinition.KeySuffix.Length] : null;

    public bool IsServerSet => Name == ServerDate;
}
