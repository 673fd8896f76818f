using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ErpConnectors.Sandbox.Severa.Paging;

/// <summary>
/// NextPageToken / pageToken: the position to go on from, bound (by a hash) to the route and the normalised
/// query it was issued for, and signed so a made-up or damaged token is refused. Standard base64, as the
/// vendor's tokens are: a client that puts it into the query without URL-encoding its '+', '/' and '='
/// breaks here as it would on the real server.
/// </summary>
internal sealed class PageTokenCodec
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 8 + 8;
    private const int MacLength = 8;
    private readonly byte[] _key;

    public PageTokenCodec(int seed)
    {
        _key = SHA256.HashData(Encoding.UTF8.GetBytes($"ErpConnectors.Sandbox page tokens {seed}"));
    }

    public string Encode(string scope, long position)
    {
        Span<byte> bytes = stackalloc byte[PayloadLength + MacLength];
        bytes[0] = Version;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[1..], ScopeHash(scope));
        BinaryPrimitives.WriteInt64LittleEndian(bytes[9..], position);
        Sign(bytes[..PayloadLength], bytes[PayloadLength..]);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Decodes a token: <see cref="PageTokenResult.Invalid"/> for garbage, <see cref="PageTokenResult.OtherCriteria"/> for another query.</summary>
    public PageTokenResult Decode(string token, string scope, out long position)
    {
        position = 0;
        Span<byte> bytes = stackalloc byte[PayloadLength + MacLength + 3];
        if (!Convert.TryFromBase64String(token, bytes, out var written) || written != PayloadLength + MacLength || bytes[0] != Version)
        {
            return PageTokenResult.Invalid;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        Sign(bytes[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.Slice(PayloadLength, MacLength)))
        {
            return PageTokenResult.Invalid;
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(bytes[1..]) != ScopeHash(scope))
        {
            return PageTokenResult.OtherCriteria;
        }

        position = BinaryPrimitives.ReadInt64LittleEndian(bytes[9..]);
        return position < 0 ? PageTokenResult.Invalid : PageTokenResult.Valid;
    }

    private ulong ScopeHash(string scope)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("scope\n" + scope), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, payload, hash);
        hash[..MacLength].CopyTo(mac);
    }
}

internal enum PageTokenResult
{
    Valid,
    Invalid,
    OtherCriteria,
}
