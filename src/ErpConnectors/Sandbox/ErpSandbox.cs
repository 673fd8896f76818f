using System;
using System.Diagnostics;

namespace ErpConnectors.Sandbox;

/// <summary>
/// A sandbox process Start-ErpSandbox started: where it listens, each system's base URI and demo credentials.
/// Stop-ErpSandbox (or the end of the session, or Remove-Module) stops it.
/// </summary>
public sealed class ErpSandbox
{
    internal ErpSandbox(Process process, Uri rootUri, string command, string banner, ErpSandboxSystem[] systems)
    {
        Process = process;
        RootUri = rootUri;
        Command = command;
        Banner = banner;
        StartedAt = DateTimeOffset.Now;
        Severa = Find(systems, "Severa");
        Jiwa = Find(systems, "Jiwa");
        Qics = Find(systems, "Qics");
        Weavy = Find(systems, "Weavy");
        Microbizz = Find(systems, "Microbizz");
        Systems = systems;
    }

    /// <summary>http://127.0.0.1:{port}/: what Connect-* -Sandbox uses in this session while it runs.</summary>
    public Uri RootUri { get; }

    public int Port => RootUri.Port;

    public int ProcessId => Process.Id;

    /// <summary>What was run: the sandbox beside the module, the installed erp-sandbox tool, or -Path.</summary>
    public string Command { get; }

    /// <summary>The text the sandbox printed at start (base URIs, demo credentials, faults).</summary>
    public string Banner { get; }

    public DateTimeOffset StartedAt { get; }

    public bool HasExited
    {
        get
        {
            try
            {
                return Process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    public ErpSandboxSystem Severa { get; }

    public ErpSandboxSystem Jiwa { get; }

    public ErpSandboxSystem Qics { get; }

    public ErpSandboxSystem Weavy { get; }

    public ErpSandboxSystem Microbizz { get; }

    /// <summary>The five systems, in the banner's order.</summary>
    public ErpSandboxSystem[] Systems { get; }

    internal Process Process { get; }

    public override string ToString() => RootUri.ToString();

    private static ErpSandboxSystem Find(ErpSandboxSystem[] systems, string name)
    {
        foreach (ErpSandboxSystem system in systems)
        {
            if (string.Equals(system.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return system;
            }
        }

        throw new InvalidOperationException($"The sandbox did not list {name}.");
    }
}
