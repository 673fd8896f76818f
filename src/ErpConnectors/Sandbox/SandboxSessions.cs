using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Sandbox;

/// <summary>
/// The sandboxes each session (runspace) started. The newest running one is that session's default for
/// Connect-* -Sandbox and the Set/Get cmdlets. None outlives its session: each is stopped by Stop-ErpSandbox,
/// by Remove-Module (the module's OnRemove calls <see cref="StopStartedInThisSession"/>), when its runspace
/// closes, when this process exits, and, if this process is killed, by the sandbox itself (--exit-with).
/// </summary>
public static class SandboxSessions
{
    private static readonly object Gate = new();
    private static readonly ConditionalWeakTable<Runspace, List<ErpSandbox>> PerRunspace = new();
    private static readonly List<ErpSandbox> NoRunspace = new();
    private static readonly HashSet<ErpSandbox> Running = new();
    private static bool s_exitHooked;

    /// <summary>Stops every sandbox this session started (the module's OnRemove).</summary>
    public static void StopStartedInThisSession()
    {
        foreach (ErpSandbox sandbox in StartedInThisSession())
        {
            Stop(sandbox);
        }
    }

    /// <summary>The newest sandbox this session started that still runs, or null.</summary>
    internal static ErpSandbox? Current => StartedInThisSession().LastOrDefault(s => !s.HasExited);

    internal static IReadOnlyList<ErpSandbox> StartedInThisSession()
    {
        lock (Gate)
        {
            return Mine().ToArray();
        }
    }

    internal static void Add(ErpSandbox sandbox)
    {
        lock (Gate)
        {
            if (!s_exitHooked)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
                s_exitHooked = true;
            }

            Runspace? runspace = Runspace.DefaultRunspace;
            if (runspace is not null && !PerRunspace.TryGetValue(runspace, out _))
            {
                runspace.StateChanged += OnRunspaceStateChanged;
            }

            Mine().Add(sandbox);
            Running.Add(sandbox);
        }

        SandboxDefaults.SetSessionRoot(sandbox.RootUri);
    }

    /// <summary>Ends the process and forgets it; the session's default moves to the newest one left, if any.</summary>
    internal static void Stop(ErpSandbox sandbox)
    {
        SandboxLauncher.Kill(sandbox.Process);
        lock (Gate)
        {
            Running.Remove(sandbox);
            Mine().Remove(sandbox);
        }

        SandboxDefaults.SetSessionRoot(Current?.RootUri);
    }

    private static List<ErpSandbox> Mine() =>
        Runspace.DefaultRunspace is { } runspace ? PerRunspace.GetValue(runspace, _ => new List<ErpSandbox>()) : NoRunspace;

    private static void OnRunspaceStateChanged(object? sender, RunspaceStateEventArgs e)
    {
        if (sender is not Runspace runspace || e.RunspaceStateInfo.State is not (RunspaceState.Closed or RunspaceState.Broken))
        {
            return;
        }

        runspace.StateChanged -= OnRunspaceStateChanged;
        ErpSandbox[] started;
        lock (Gate)
        {
            started = PerRunspace.TryGetValue(runspace, out List<ErpSandbox>? list) ? list.ToArray() : Array.Empty<ErpSandbox>();
            PerRunspace.Remove(runspace);
            foreach (ErpSandbox sandbox in started)
            {
                Running.Remove(sandbox);
            }
        }

        foreach (ErpSandbox sandbox in started)
        {
            SandboxLauncher.Kill(sandbox.Process);
        }
    }

    private static void StopAll()
    {
        ErpSandbox[] all;
        lock (Gate)
        {
            all = Running.ToArray();
            Running.Clear();
        }

        foreach (ErpSandbox sandbox in all)
        {
            SandboxLauncher.Kill(sandbox.Process);
        }
    }
}
