using System.Collections.Specialized;
using System.Management.Automation;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Severa;

/// <summary>Severa money input: amount and currency code always travel together, or not at all.</summary>
internal static class SeveraMoney
{
    /// <summary>Null when valid; otherwise the error to write (nothing is sent).</summary>
    public static ErrorRecord? Validate(decimal? amount, string? currencyCode, string parameterName)
    {
        if (amount is null && currencyCode is null)
        {
            return null;
        }

        if (amount is null || string.IsNullOrWhiteSpace(currencyCode))
        {
            return ErrorMapper.InvalidArgument(
                "Severa.IncompleteMoney",
                $"Severa needs an amount and a currency code together: give both -{parameterName} and -CurrencyCode (e.g. -{parameterName} 95 -CurrencyCode EUR).",
                (object?)amount ?? currencyCode);
        }

        return null;
    }

    public static OrderedDictionary Value(decimal amount, string currencyCode) =>
        new() { ["amount"] = amount, ["currencyCode"] = currencyCode.ToUpperInvariant() };
}
