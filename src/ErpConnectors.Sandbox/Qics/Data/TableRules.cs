using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>
/// What a detail entity checks beyond its property types, run under the database lock so a check and its
/// write are one step. Throw a QicsApiException to refuse.
/// </summary>
internal class TableRules
{
    public static readonly TableRules None = new();

    /// <summary>Sets the server's values (CreatedOn...) on a row about to be inserted.</summary>
    public virtual Row OnInsert(Row row) => row;

    /// <summary>Checks a row about to be stored; <paramref name="key"/> is null for an insert.</summary>
    public virtual void CheckWrite(QicsDatabase database, Row row, long? key)
    {
    }

    public virtual void CheckDelete(QicsDatabase database, long key)
    {
    }
}
