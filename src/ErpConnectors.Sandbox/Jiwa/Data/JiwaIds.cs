using System.Globalization;
using System.Security.Cryptography;

namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>
/// Jiwa's record ids: 20 characters. Seeded master data carries the demo database's style, a 10-character
/// prefix and a base-36 counter (debtor 67 is 0000000061000000001V, the vendor's example id); records the API
/// creates get the first 20 hex digits of a new guid, the style of the vendor's examples
/// (5244dd5e199749f4b6fe), and so do seeded orders, quotes and lines (from the seeded random, so repeatable).
/// </summary>
internal static class JiwaIds
{
    public const string DebtorPrefix = "0000000061";
    public const string InventoryPrefix = "000000000K";
    public const string ContactPrefix = "0000000062";
    public const string TransactionPrefix = "00000000A6";

    private const string Base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Prefix + the 1-based number in base 36, padded to 20 characters.</summary>
    public static string Sequential(string prefix, long number)
    {
        Span<char> digits = stackalloc char[10];
        digits.Fill('0');
        for (var i = digits.Length - 1; i >= 0 && number > 0; i--)
        {
            digits[i] = Base36[(int)(number % 36)];
            number /= 36;
        }

        return prefix + new string(digits);
    }

    public static string Hex(Random random)
    {
        Span<byte> bytes = stackalloc byte[10];
        random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public static string NewHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString("D", CultureInfo.InvariantCulture);
    }

    public static string NewGuid() => System.Guid.NewGuid().ToString("D", CultureInfo.InvariantCulture);
}
