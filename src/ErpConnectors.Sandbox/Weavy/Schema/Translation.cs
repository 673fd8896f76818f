namespace ErpConnectors.Sandbox.Weavy.Schema;

/// <summary>One label of an entity or field: {"languageCode","text"}.</summary>
internal sealed record Translation(string LanguageCode, string Text)
{
    /// <summary>The three languages the sandbox's dictionary carries, in the document's order (DE, EN, FR).</summary>
    public static IReadOnlyList<Translation> Of(string de, string en, string fr) =>
        [new("DE", de), new("EN", en), new("FR", fr)];
}
