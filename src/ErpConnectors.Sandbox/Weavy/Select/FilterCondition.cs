using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Weavy.Data;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Select;

/// <summary>
/// One entry of filterFields, its values already read as the field's type, compared as SQL Server would
/// (<see cref="SqlComparison"/>: a record whose field is null matches no comparison, NotEqual included; text
/// ignores case). A null filter value is allowed with Equal only (the field is null) and NotEqual (it is not)
/// (chosen). Contains and StartsWith apply to text fields only.
/// </summary>
internal sealed record FilterCondition(FieldDefinition Field, ComparisonOperator Operator, IReadOnlyList<object?> Values)
{
    public bool Matches(WeavyRecord record)
    {
        var value = record[Field.Name];
        if (Values[0] is null)
        {
            return (value is null) == (Operator == ComparisonOperator.Equal);
        }

        return SqlComparison.Matches(Operator, value, Values);
    }
}
