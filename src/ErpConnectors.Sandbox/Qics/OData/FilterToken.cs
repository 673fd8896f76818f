namespace ErpConnectors.Sandbox.Qics.OData;

internal enum FilterTokenKind
{
    /// <summary>A property, function, operator or keyword (true, false, null): the parser tells which.</summary>
    Identifier,
    String,
    Integer,
    Decimal,
    DateTimeOffset,
    OpenParen,
    CloseParen,
    Comma,
    End,
}

/// <param name="Position">0-based offset in the $filter text.</param>
/// <param name="Value">The literal's value (string, long, decimal, DateTimeOffset); null for the others.</param>
internal readonly record struct FilterToken(FilterTokenKind Kind, string Text, int Position, object? Value = null);
