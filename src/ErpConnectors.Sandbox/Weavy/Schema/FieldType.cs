namespace ErpConnectors.Sandbox.Weavy.Schema;

/// <summary>The field types the dictionary reports, as the document's example spells them on the wire.</summary>
internal enum FieldType
{
    Text,
    ForeignKey,
    Integer,
    Decimal,
    Boolean,
    DateTime,
}

internal static class FieldTypes
{
    /// <summary>
    /// "text" and "text(foreignkey)" are the document's; the others are chosen in the same lower-case style
    /// (the document's list of data formats names integer, decimal, boolean and date-time values).
    /// </summary>
    public static string WireName(this FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.ForeignKey => "text(foreignkey)",
        FieldType.Integer => "integer",
        FieldType.Decimal => "decimal",
        FieldType.Boolean => "boolean",
        FieldType.DateTime => "datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>Text and foreign keys hold strings: Contains and StartsWith apply to them only.</summary>
    public static bool IsText(this FieldType type) => type is FieldType.Text or FieldType.ForeignKey;
}
