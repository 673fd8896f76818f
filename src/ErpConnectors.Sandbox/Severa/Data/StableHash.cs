using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Severa.Data;

/// <summary>
/// SplitMix64 over (seed, kind, index, field): every generated value is a pure function of where it sits,
/// which is what lets a row be computed alone, in any order, without the rows before it.
/// </summary>
internal static class StableHash
{
    public static ulong Mix(ulong value) => SplitMix64.Mix(value);

    public static ulong Of(int seed, EntityKind kind, long index, int field) =>
        Mix(Mix(Mix(((ulong)(uint)seed << 8) ^ (ulong)kind) ^ (ulong)index) ^ (ulong)(uint)field);

    /// <summary>A value in [0, count).</summary>
    public static int Pick(int seed, EntityKind kind, long index, int field, int count) =>
        (int)(Of(seed, kind, index, field) % (ulong)count);

    /// <summary>True with the given percentage.</summary>
    public static bool Percent(int seed, EntityKind kind, long index, int field, int percent) =>
        Pick(seed, kind, index, field, 100) < percent;
}
