namespace ErpConnectors.Sandbox;

/// <summary>
/// The moment seeded change dates end: when the sandbox process started (to the minute). Everything else about the
/// seeded data stays fixed per seed; only this anchor moves, so examples with a recent date
/// (`-ChangedSince (Get-Date).AddDays(-30)`) find rows on any day the sandbox runs.
/// </summary>
internal static class SeedAnchor
{
    public static readonly DateTimeOffset Now = Truncate(DateTimeOffset.UtcNow);

    private static DateTimeOffset Truncate(DateTimeOffset moment) =>
        new(moment.Ticks - (moment.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
