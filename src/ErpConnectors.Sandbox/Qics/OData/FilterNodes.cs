namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// A parsed, type-checked $filter expression. Evaluating gives the value for one row; a comparison with a
/// null operand is false except for eq/ne (null eq null is true), as in OData.
/// </summary>
internal abstract class FilterNode(EdmType? type)
{
    /// <summary>The expression's type; null for the null literal.</summary>
    public EdmType? Type { get; } = type;

    public abstract object? Evaluate(Row row);

    protected static bool IsTrue(FilterNode node, Row row) => node.Evaluate(row) is true;
}

internal sealed class LiteralNode(object? value, EdmType? type) : FilterNode(type)
{
    public override object? Evaluate(Row row) => value;
}

internal sealed class PropertyNode(EdmProperty property) : FilterNode(property.Type)
{
    public override object? Evaluate(Row row) => row[property.Name];
}

/// <summary>eq ne gt ge lt le.</summary>
internal sealed class ComparisonNode(string op, FilterNode left, FilterNode right) : FilterNode(EdmType.Boolean)
{
    public static readonly IReadOnlyList<string> Operators = ["eq", "ne", "gt", "ge", "lt", "le"];

    public override object? Evaluate(Row row)
    {
        var a = left.Evaluate(row);
        var b = right.Evaluate(row);
        if (op is "eq" or "ne")
        {
            return ODataValues.AreEqual(a, b) == (op == "eq");
        }

        if (a is null || b is null)
        {
            return false;
        }

        var order = ODataValues.Compare(a, b);
        return op switch
        {
            "gt" => order > 0,
            "ge" => order >= 0,
            "lt" => order < 0,
            _ => order <= 0,
        };
    }
}

/// <summary>and / or.</summary>
internal sealed class LogicalNode(bool isAnd, FilterNode left, FilterNode right) : FilterNode(EdmType.Boolean)
{
    public override object? Evaluate(Row row) => isAnd ? IsTrue(left, row) && IsTrue(right, row) : IsTrue(left, row) || IsTrue(right, row);
}

internal sealed class NotNode(FilterNode operand) : FilterNode(EdmType.Boolean)
{
    public override object? Evaluate(Row row) => !IsTrue(operand, row);
}

/// <summary>Property in (value, value, ...): eq against any of the values.</summary>
internal sealed class InNode(FilterNode left, IReadOnlyList<FilterNode> values) : FilterNode(EdmType.Boolean)
{
    public override object? Evaluate(Row row)
    {
        var value = left.Evaluate(row);
        return values.Any(v => ODataValues.AreEqual(value, v.Evaluate(row)));
    }
}

internal sealed class FunctionNode(FilterFunction function, IReadOnlyList<FilterNode> arguments) : FilterNode(function.Result)
{
    public override object? Evaluate(Row row) => function.Invoke([.. arguments.Select(a => a.Evaluate(row))]);
}
