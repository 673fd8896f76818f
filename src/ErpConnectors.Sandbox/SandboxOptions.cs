
namespace ErpConnectors.Sandbox;

/// <summary>How to start the sandbox: one port and one seed for all five systems, plus each system's knobs.</summary>
public sealed class SandboxOptions
{
    /// <summary>The port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Seeds the generated data and the random faults: the same seed gives the same records.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// The clock for token lifetimes and write timestamps. Tests swap in a fake one to expire tokens without
    /// sleeping; rate limiting and latency always use real time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public SeveraSandboxOptions Severa { get; } = new();

    public JiwaSandboxOptions Jiwa { get; } = new();

    public QicsSandboxOptions Qics { get; } = new();

    public WeavySandboxOptions Weavy { get; } = new();

    public MicrobizzSandboxOptions Microbizz { get; } = new();

    /// <summary>Hostile-network modes to start with (the command line's --hostile options).</summary>
    public HostileOptions Hostile { get; } = new();
}
