using System;
using System.Globalization;

namespace ErpConnectors.Core.Common;

/// <summary>
/// The one rule for numbers that arrive as text (Import-Csv cells, typed strings), the same for every system:
/// a dot is the decimal separator ("1.5"); a single comma is read as a decimal comma when that cannot be a
/// thousands separator ("1,5", "12,25", "0,500"); anything that could mean two numbers ("1,500": 1500 or 1.5) or
/// carries grouping ("1,500.25", "1 500", "1.500,25") is refused with the value named. Never a silent factor of
/// ten, or of a thousand, whatever the session's culture (PowerShell's own conversion turns "1,5" into 15).
/// </summary>
internal static class NumberText
{
    private const string Hint = "write plain digits with a dot for decimals (1.5, 1500), no thousands separators";

    /// <summary>Parses text by the rule; on failure <paramref name="error"/> says why, naming the value.</summary>
    public static bool TryParse(string text, bool wholeNumber, out decimal number, out string error)
    {
        number = 0;
        string trimmed = text.Trim();
        string candidate = trimmed;
        int comma = trimmed.IndexOf(',');
        if (comma >= 0)
        {
            if (trimmed.IndexOf(',', comma + 1) >= 0 || trimmed.IndexOf('.') >= 0)
            {
                error = $"'{text}' has thousands separators: {Hint}.";
                return false;
            }

            string fraction = trimmed.Substring(comma + 1);
            string whole = trimmed.Substring(0, comma).TrimStart('+', '-');
            if (fraction.Length == 3 && whole.Length is >= 1 and <= 3 && whole != "0")
            {
                error = $"'{text}' is ambiguous: it could be {whole}{fraction} or {whole}.{fraction}; {Hint}.";
                return false;
            }

            candidate = trimmed.Substring(0, comma) + "." + fraction;
        }

        if (candidate.Length == 0 ||
            !decimal.TryParse(candidate, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number))
        {
            error = $"'{text}' is not a number: {Hint}.";
            return false;
        }

        if (wholeNumber && (number != decimal.Truncate(number) || number < long.MinValue || number > long.MaxValue))
        {
            error = $"'{text}' is not a whole number.";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
