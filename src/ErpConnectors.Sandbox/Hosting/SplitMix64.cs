namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// The SplitMix64 finalizer: a pure function from one 64-bit value to a well-mixed one. Systems that generate
/// records from (seed, index) hash their coordinates with it, so any row can be computed alone, in any order.
/// </summary>
internal static class SplitMix64
{
    public static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15UL;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
