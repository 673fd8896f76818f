namespace ErpConnectors.Sandbox;

/// <summary>Knobs of the Microbizz GO emulation. TaskCount is read once, when the rows are first used.</summary>
public sealed class MicrobizzSandboxOptions
{
    /// <summary>Tasks are generated from (seed, id) as they are written, so millions cost no memory; the cap only keeps ids sane.</summary>
    public const int MaxTaskCount = 100_000_000;

    /// <summary>Tasks to generate (task_id 1..TaskCount).</summary>
    public int TaskCount { get; set; } = 5000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(TaskCount, "options.Microbizz.TaskCount");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TaskCount, MaxTaskCount, "options.Microbizz.TaskCount");
    }
}
