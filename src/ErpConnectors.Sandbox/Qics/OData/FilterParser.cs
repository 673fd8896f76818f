using ErpConnectors.Sandbox.Qics.Http;

namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// Parses and type-checks a $filter against one entity type. Precedence as OData defines it, lowest first:
/// or, and, comparisons (eq ne gt ge lt le, in), not, then literals, properties, function calls and
/// parentheses. So not binds tighter than eq: "not Name eq 'x'" is refused (not needs a Boolean), write
/// "not (Name eq 'x')". Keywords and operators are lower case, property names case-sensitive.
/// </summary>
internal sealed class FilterParser
{
    private static readonly string[] Unsupported = ["add", "sub", "mul", "div", "divby", "mod", "has", "any", "all"];

    private readonly string _filter;
    private readonly EntitySchema _schema;
    private readonly List<FilterToken> _tokens;
    private int _index;

    private FilterParser(string filter, EntitySchema schema)
    {
        _filter = filter;
        _schema = schema;
        _tokens = FilterLexer.Tokenize(filter);
    }

    private FilterToken Current => _tokens[_index];

    public static Func<Row, bool> Parse(string filter, EntitySchema schema)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            throw QicsErrors.BadRequest("The $filter is empty.", FilterErrors.Target);
        }

        var parser = new FilterParser(filter, schema);
        var node = parser.ParseOr();
        if (parser.Current.Kind != FilterTokenKind.End)
        {
            throw parser.Error($"unexpected '{parser.Current.Text}' where an operator (and, or, eq, ...) or the end was expected");
        }

        if (node.Type != EdmType.Boolean)
        {
            throw FilterErrors.At(filter, 0, $"the $filter must be a Boolean expression, but it is {EdmTypeNames.Name(node.Type)}");
        }

        return row => node.Evaluate(row) is true;
    }

    private FilterNode ParseOr() => ParseLogical("or", ParseAnd);

    private FilterNode ParseAnd() => ParseLogical("and", ParseComparison);

    /// <summary>Operands of <paramref name="op"/> (and / or), left-associative, each parsed by the next level.</summary>
    private FilterNode ParseLogical(string op, Func<FilterNode> operand)
    {
        var left = operand();
        while (IsKeyword(op))
        {
            var position = Advance().Position;
            left = new LogicalNode(op == "and", RequireBoolean(left, op, position), RequireBoolean(operand(), op, position));
        }

        return left;
    }

    private FilterNode ParseComparison()
    {
        var left = ParseUnary();
        while (Current.Kind == FilterTokenKind.Identifier)
        {
            var token = Current;
            var word = token.Text;
            if (ComparisonNode.Operators.Contains(word))
            {
                Advance();
                var right = ParseUnary();
                CheckComparable(word, left, right, token.Position);
                left = new ComparisonNode(word, left, right);
            }
            else if (word == "in")
            {
                Advance();
                left = new InNode(left, ParseInList(left, token.Position));
            }
            else if (ComparisonNode.Operators.Contains(word.ToLowerInvariant()) || word is "AND" or "OR" or "And" or "Or" or "NOT" or "Not")
            {
                throw Error($"'{word}' is not an operator: operators are lower case ({word.ToLowerInvariant()})");
            }
            else if (Unsupported.Contains(word))
            {
                throw Error($"the operator '{word}' is not supported by the sandbox (eq ne gt ge lt le in and or not are)");
            }
            else
            {
                break;
            }
        }

        return left;
    }

    private List<FilterNode> ParseInList(FilterNode left, int position)
    {
        Expect(FilterTokenKind.OpenParen, "'in' takes a list in parentheses: Code in ('A','B')");
        var values = new List<FilterNode>();
        do
        {
            var value = ParsePrimary();
            CheckComparable("in", left, value, position);
            values.Add(value);
        }
        while (Current.Kind == FilterTokenKind.Comma && Advance().Kind == FilterTokenKind.Comma);

        Expect(FilterTokenKind.CloseParen, "the list after 'in' has no closing ')'");
        return values;
    }

    private FilterNode ParseUnary()
    {
        if (!IsKeyword("not"))
        {
            return ParsePrimary();
        }

        var position = Advance().Position;
        var operand = ParseUnary();
        return operand.Type == EdmType.Boolean
            ? new NotNode(operand)
            : throw FilterErrors.At(_filter, position, $"'not' needs a Boolean operand, not {EdmTypeNames.Name(operand.Type)}; to negate a comparison put it in parentheses: not (Price gt 10)");
    }

    private FilterNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case FilterTokenKind.OpenParen:
                Advance();
                var inner = ParseOr();
                Expect(FilterTokenKind.CloseParen, "a '(' has no matching ')'");
                return inner;
            case FilterTokenKind.String:
                Advance();
                return new LiteralNode(token.Value, EdmType.String);
            case FilterTokenKind.Integer:
                Advance();
                return new LiteralNode(token.Value, EdmType.Int64);
            case FilterTokenKind.Decimal:
                Advance();
                return new LiteralNode(token.Value, EdmType.Decimal);
            case FilterTokenKind.DateTimeOffset:
                Advance();
                return new LiteralNode(token.Value, EdmType.DateTimeOffset);
            case FilterTokenKind.Identifier:
                return ParseIdentifier();
            case FilterTokenKind.End:
                throw Error("the $filter ends where a value was expected");
            default:
                throw Error($"unexpected '{token.Text}' where a value was expected");
        }
    }

    private FilterNode ParseIdentifier()
    {
        var token = Advance();
        switch (token.Text)
        {
            case "true": return new LiteralNode(true, EdmType.Boolean);
            case "false": return new LiteralNode(false, EdmType.Boolean);
            case "null": return new LiteralNode(null, null);
            case "and" or "or" or "eq" or "ne" or "gt" or "ge" or "lt" or "le" or "in":
                throw FilterErrors.At(_filter, token.Position, $"'{token.Text}' where a value was expected");
        }

        if (Current.Kind == FilterTokenKind.OpenParen)
        {
            return ParseFunction(token);
        }

        return _schema.Find(token.Text) is { } property
            ? new PropertyNode(property)
            : throw QicsErrors.UnknownProperty(_schema, token.Text, FilterErrors.Target);
    }

    private FunctionNode ParseFunction(FilterToken name)
    {
        var function = FilterFunction.Find(name.Text) ?? throw FilterErrors.At(
            _filter,
            name.Position,
            $"unknown function '{name.Text}'{(name.Text == "substringof" ? " (OData v3; v4 has contains(Property,'text'))" : string.Empty)}: supported are {string.Join(", ", FilterFunction.All.Select(f => f.Name))}");
        Advance();
        var arguments = new List<FilterNode>();
        if (Current.Kind != FilterTokenKind.CloseParen)
        {
            arguments.Add(ParseOr());
            while (Current.Kind == FilterTokenKind.Comma)
            {
                Advance();
                arguments.Add(ParseOr());
            }
        }

        Expect(FilterTokenKind.CloseParen, $"the call of {function.Name} has no closing ')'");
        if (arguments.Count != function.Parameters.Count)
        {
            throw FilterErrors.At(_filter, name.Position, $"{function.Name} takes {function.Parameters.Count} argument(s), not {arguments.Count}");
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Type is { } type && type != function.Parameters[i])
            {
                throw FilterErrors.At(_filter, name.Position, $"argument {i + 1} of {function.Name} must be {EdmTypeNames.Name(function.Parameters[i])}, not {EdmTypeNames.Name(type)}");
            }
        }

        return new FunctionNode(function, arguments);
    }

    /// <summary>
    /// Numbers compare with numbers, other types only with their own; null only with eq, ne (and in);
    /// Booleans only with eq, ne. Worded like ODL's "incompatible types" error.
    /// </summary>
    private void CheckComparable(string op, FilterNode left, FilterNode right, int position)
    {
        var equality = op is "eq" or "ne" or "in";
        var compatible = (left.Type, right.Type) switch
        {
            (null, _) or (_, null) => equality,
            (EdmType.Boolean, EdmType.Boolean) => equality,
            var (l, r) when EdmTypeNames.IsNumeric(l) && EdmTypeNames.IsNumeric(r) => true,
            var (l, r) => l == r,
        };
        if (!compatible)
        {
            throw FilterErrors.At(
                _filter,
                position,
                $"'{op}' cannot compare {EdmTypeNames.Name(left.Type)} with {EdmTypeNames.Name(right.Type)} (incompatible operand types)");
        }
    }

    private FilterNode RequireBoolean(FilterNode node, string op, int position) =>
        node.Type == EdmType.Boolean
            ? node
            : throw FilterErrors.At(_filter, position, $"'{op}' needs Boolean operands, not {EdmTypeNames.Name(node.Type)}");

    private bool IsKeyword(string word) => Current.Kind == FilterTokenKind.Identifier && Current.Text == word;

    private FilterToken Advance() => _tokens[_index++];

    private void Expect(FilterTokenKind kind, string problem)
    {
        if (Current.Kind != kind)
        {
            throw Error(problem);
        }

        Advance();
    }

    private QicsApiException Error(string problem) => FilterErrors.At(_filter, Current.Position, problem);
}
