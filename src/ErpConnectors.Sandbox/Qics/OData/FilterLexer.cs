using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// Splits a $filter into tokens, OData v4 literal syntax (chosen: the vendor's API is ASP.NET OData; its v3
/// forms such as datetime'...' are refused with the v4 spelling). Strings are in single quotes with '' for
/// a quote; timestamps are bare and must carry an offset (Z or ±hh:mm).
/// </summary>
internal static partial class FilterLexer
{
    public static List<FilterToken> Tokenize(string filter)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (true)
        {
            while (i < filter.Length && char.IsWhiteSpace(filter[i]))
            {
                i++;
            }

            if (i >= filter.Length)
            {
                tokens.Add(new FilterToken(FilterTokenKind.End, string.Empty, i));
                return tokens;
            }

            var c = filter[i];
            FilterToken token = c switch
            {
                '(' => new FilterToken(FilterTokenKind.OpenParen, "(", i),
                ')' => new FilterToken(FilterTokenKind.CloseParen, ")", i),
                ',' => new FilterToken(FilterTokenKind.Comma, ",", i),
                '\'' => ReadString(filter, i),
                _ when char.IsAsciiDigit(c) || (c == '-' && i + 1 < filter.Length && char.IsAsciiDigit(filter[i + 1])) => ReadNumberOrTimestamp(filter, i),
                _ when char.IsAsciiLetter(c) || c == '_' => ReadIdentifier(filter, i),
                '/' => throw FilterErrors.At(filter, i, "property paths ('/') are not supported: the entities have no navigation properties"),
                _ => throw FilterErrors.At(filter, i, $"unexpected character '{c}'"),
            };
            tokens.Add(token);
            i += token.Text.Length;
        }
    }

    private static FilterToken ReadString(string filter, int start)
    {
        var value = new StringBuilder();
        var i = start + 1;
        while (i < filter.Length)
        {
            if (filter[i] == '\'')
            {
                if (i + 1 < filter.Length && filter[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                return new FilterToken(FilterTokenKind.String, filter[start..(i + 1)], start, value.ToString());
            }

            value.Append(filter[i]);
            i++;
        }

        throw FilterErrors.At(filter, start, "the string literal has no closing quote (a quote inside a string is written twice: 'O''Neill')");
    }

    private static FilterToken ReadNumberOrTimestamp(string filter, int start)
    {
        var timestamp = TimestampPattern().Match(filter, start);
        if (timestamp.Success && timestamp.Index == start)
        {
            return ReadTimestamp(filter, start, timestamp);
        }

        var number = NumberPattern().Match(filter, start);
        var text = number.Value;
        EndOfLiteral(filter, start + text.Length, text);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('e', StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new FilterToken(FilterTokenKind.Integer, text, start, integer);
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new FilterToken(FilterTokenKind.Decimal, text, start, value)
            : throw FilterErrors.At(filter, start, $"the number {text} is out of range");
    }

    private static FilterToken ReadTimestamp(string filter, int start, Match match)
    {
        var text = match.Value;
        if (!match.Groups["time"].Success)
        {
            throw FilterErrors.At(filter, start, $"'{text}' is an Edm.Date, and the dates here are Edm.DateTimeOffset: write {text}T00:00:00Z (or with your offset)");
        }

        if (!match.Groups["offset"].Success)
        {
            var end = start + text.Length;
            var lostPlus = LostPlusPattern().IsMatch(filter[end..]);
            throw FilterErrors.At(
                filter,
                start,
                lostPlus
                    ? $"the timestamp '{text}' has no offset: a '+' in a URL query means a space, so send the offset's '+' as %2B"
                    : $"the timestamp '{text}' needs an offset (Z or ±hh:mm)");
        }

        EndOfLiteral(filter, start + text.Length, text);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? new FilterToken(FilterTokenKind.DateTimeOffset, text, start, value)
            : throw FilterErrors.At(filter, start, $"'{text}' is not a valid timestamp");
    }

    private static FilterToken ReadIdentifier(string filter, int start)
    {
        var text = IdentifierPattern().Match(filter, start).Value;
        var end = start + text.Length;
        if (end < filter.Length && filter[end] == '\'')
        {
            // OData v3 typed literals: datetime'...', datetimeoffset'...', guid'...', X'...'.
            throw FilterErrors.At(filter, start, $"typed literals such as {text}'...' are OData v3 syntax: write timestamps bare (2024-01-31T12:00:00Z) and strings in quotes");
        }

        return new FilterToken(FilterTokenKind.Identifier, text, start);
    }

    /// <summary>A literal must be followed by a space, ')', ',' or the end: refuses suffixes such as 10L or 2.5m.</summary>
    private static void EndOfLiteral(string filter, int end, string text)
    {
        if (end < filter.Length && !char.IsWhiteSpace(filter[end]) && filter[end] is not (')' or ','))
        {
            throw FilterErrors.At(filter, end, $"unexpected '{filter[end]}' after the literal {text}");
        }
    }

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}(?<time>T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?<offset>Z|[+-]\d{2}:\d{2})?)?", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"\G-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\G[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();

    [GeneratedRegex(@"^ \d{2}:\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex LostPlusPattern();
}
