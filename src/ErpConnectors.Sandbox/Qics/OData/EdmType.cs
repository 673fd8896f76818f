namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// The primitive types the emulated entities use. Values are held as bool, long, decimal, string and
/// DateTimeOffset. Dates are Edm.DateTimeOffset throughout (chosen: ASP.NET OData, which the vendor's
/// /odata/ routes suggest, maps DateTime to DateTimeOffset), so every timestamp on the wire has an offset.
/// </summary>
internal enum EdmType
{
    Boolean,
    Int64,
    Decimal,
    String,
    DateTimeOffset,
}

internal static class EdmTypeNames
{
    /// <summary>The name OData messages use, e.g. Edm.Int64; "null" for the null literal.</summary>
    public static string Name(EdmType? type) => type is { } known ? "Edm." + known : "null";

    public static bool IsNumeric(EdmType? type) => type is EdmType.Int64 or EdmType.Decimal;
}
