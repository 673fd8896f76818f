using System.Security.Cryptography;
using System.Text;

namespace ErpConnectors.Sandbox.Hosting;

internal static class Secrets
{
    /// <summary>Compares a client secret in constant time, as a real server must.</summary>
    public static bool Same(string expected, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(given));
}
