using System.Buffers.Binary;

namespace ErpConnectors.Sandbox.Severa.Data;

/// <summary>
/// Guids that carry their own index: the first four bytes are the index run through a seeded bijection, the
/// other twelve a hash of (seed, kind, index). A guid therefore decodes back to its row in O(1) with no lookup
/// table, and a guid of another kind, seed or a made-up one fails the check.
/// </summary>
internal sealed class GuidCodec(int seed)
{
    private const uint Multiplier = 0x9E3779B1u;
    private static readonly uint InverseMultiplier = Invert(Multiplier);

    public Guid Encode(EntityKind kind, long index)
    {
        Span<byte> bytes = stackalloc byte[16];
        var scrambled = ((uint)index ^ Mask(kind)) * Multiplier;
        scrambled ^= scrambled >> 16;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, scrambled);
        WriteCheck(kind, index, bytes[4..]);
        return new Guid(bytes);
    }

    /// <summary>The index the guid was made from, or -1 when it is no guid of this kind.</summary>
    public long Decode(EntityKind kind, Guid guid)
    {
        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes);
        var scrambled = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        scrambled ^= scrambled >> 16;
        var index = (long)((scrambled * InverseMultiplier) ^ Mask(kind));
        Span<byte> check = stackalloc byte[12];
        WriteCheck(kind, index, check);
        return check.SequenceEqual(bytes[4..]) ? index : -1;
    }

    private uint Mask(EntityKind kind) => (uint)StableHash.Of(seed, kind, -1, 0x6D61736B);

    private void WriteCheck(EntityKind kind, long index, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(destination, StableHash.Of(seed, kind, index, 0x63686B31));
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], (uint)StableHash.Of(seed, kind, index, 0x63686B32));
    }

    private static uint Invert(uint odd)
    {
        // Newton's iteration for the inverse modulo 2^32; five steps give all 32 bits.
        var inverse = odd;
        for (var i = 0; i < 5; i++)
        {
            inverse *= 2 - (odd * inverse);
        }

        return inverse;
    }
}
