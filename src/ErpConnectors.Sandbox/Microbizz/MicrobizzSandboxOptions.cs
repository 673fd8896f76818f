namespace ErpConnectors.Sandbox;

/// <summary>
/// Knobs of the Microbizz GO emulation. TaskCount is read once, when the rows are first used; TokenExpiryRate on
/// every request, so a test may change it while the server runs.
/// </summary>
public sealed class MicrobizzSandboxOptions
{
    /// <summary>Tasks are generated from (seed, id) as they are written, so millions cost no memory; the cap only keeps ids sane.</summary>
    public const int MaxTaskCount = 100_000_000;

    /// <summary>Tasks to generate (task_id 1..TaskCount).</summary>
    public int TaskCount { get; set; } = 5000;

    /// <summary>
    /// Probability (0..1) per authenticated request that the token has expired at that moment: it answers 401 and
    /// stays dead, and a new login gives a fresh token (the document: a token "can be expected to expire anytime").
    /// A token always serves its first request, so a client that logs in again and replays once always recovers.
    /// The rolls are seeded by <see cref="SandboxOptions.Seed"/>. 0 (the default) = tokens never expire by themselves.
    /// </summary>
    public double TokenExpiryRate { get; set; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(TaskCount, "options.Microbizz.TaskCount");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TaskCount, MaxTaskCount, "options.Microbizz.TaskCount");
        if (double.IsNaN(TokenExpiryRate) || TokenExpiryRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException("options.Microbizz.TokenExpiryRate", TokenExpiryRate, "A probability from 0 to 1.");
        }
    }
}
