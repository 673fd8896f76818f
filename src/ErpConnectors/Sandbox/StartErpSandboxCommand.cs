using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using System.Threading;

namespace ErpConnectors.Sandbox;

/// <summary>
/// Starts the sandbox (all five emulated APIs on 127.0.0.1) as a process of its own, waits until it answers, and
/// makes it this session's default for Connect-* -Sandbox. The options map onto the sandbox's command line.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "ErpSandbox", SupportsShouldProcess = true)]
[OutputType(typeof(ErpSandbox))]
public sealed class StartErpSandboxCommand : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The port on 127.0.0.1; 0 (the default) takes a free one.</summary>
    [Parameter(Position = 0)]
    [ValidateRange(0, 65535)]
    public int Port { get; set; }

    [Parameter]
    public int Seed { get; set; } = 42;

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int SeveraCustomers { get; set; } = -1;

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int JiwaDebtors { get; set; } = -1;

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int QicsCustomers { get; set; } = -1;

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int WeavyCustomers { get; set; } = -1;

    [Parameter]
    [ValidateRange(0, int.MaxValue)]
    public int MicrobizzTasks { get; set; } = -1;

    /// <summary>Milliseconds added to every API request of every system.</summary>
    [Parameter]
    [ValidateRange(0, 600_000)]
    public int Latency { get; set; } = -1;

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Rate429 { get; set; } = -1;

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Rate5xx { get; set; } = -1;

    /// <summary>Further sandbox options, as erp-sandbox --help lists them (e.g. '--qics-next-links').</summary>
    [Parameter]
    [ValidateNotNull]
    public string[] ArgumentList { get; set; } = Array.Empty<string>();

    /// <summary>The sandbox to run: ErpConnectors.Sandbox.dll (or its folder) or an erp-sandbox executable.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>Seconds to wait for the sandbox to answer.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 120;

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void StopProcessing() => _stopping.Cancel();

    protected override void EndProcessing()
    {
        SandboxCommand command;
        try
        {
            command = SandboxCommand.Locate(Path is null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path), ModuleRoot());
        }
        catch (SandboxNotRunnableException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, e.NotFound ? "ErpSandbox.NotFound" : "ErpSandbox.RuntimeMissing", e.NotFound ? ErrorCategory.ObjectNotFound : ErrorCategory.NotInstalled, e.Target));
            return;
        }

        List<string> arguments = Arguments();
        if (!ShouldProcess($"{command.Description} {SandboxCommand.Quote(arguments)}", "Start the sandbox"))
        {
            return;
        }

        WriteVerbose($"Starting {command.Description} {SandboxCommand.Quote(arguments)}");
        ErpSandbox sandbox;
        try
        {
            sandbox = SandboxLauncher.Start(command, arguments, TimeSpan.FromSeconds(TimeoutSec), _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (TimeoutException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "ErpSandbox.StartTimedOut", ErrorCategory.OperationTimeout, command.Description));
            return;
        }
        catch (SandboxStartException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "ErpSandbox.StartFailed", ErrorCategory.OpenError, command.Description));
            return;
        }
        catch (SandboxNotRunnableException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "ErpSandbox.RuntimeMissing", ErrorCategory.NotInstalled, e.Target));
            return;
        }
        catch (SandboxControlException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "ErpSandbox.Unreachable", ErrorCategory.ConnectionError, command.Description));
            return;
        }

        SandboxSessions.Add(sandbox);
        WriteVerbose($"The sandbox answers at {sandbox.RootUri} (process {sandbox.ProcessId}); Connect-* -Sandbox in this session goes there.");
        WriteObject(sandbox);
    }

    private List<string> Arguments()
    {
        var arguments = new List<string> { "--port", Port.ToString(CultureInfo.InvariantCulture), "--seed", Seed.ToString(CultureInfo.InvariantCulture) };
        void Add(string option, double value)
        {
            if (value >= 0)
            {
                arguments.Add(option);
                arguments.Add(value.ToString(CultureInfo.InvariantCulture));
            }
        }

        Add("--severa-customers", SeveraCustomers);
        Add("--jiwa-debtors", JiwaDebtors);
        Add("--qics-customers", QicsCustomers);
        Add("--weavy-customers", WeavyCustomers);
        Add("--microbizz-tasks", MicrobizzTasks);
        Add("--latency", Latency);
        Add("--rate429", Rate429);
        Add("--rate5xx", Rate5xx);
        arguments.AddRange(ArgumentList);
        return arguments;
    }

    /// <summary>The module folder: the parent of bin/, where this assembly lives.</summary>
    private string ModuleRoot()
    {
        string? assembly = typeof(StartErpSandboxCommand).Assembly.Location;
        if (!string.IsNullOrEmpty(assembly))
        {
            string? bin = System.IO.Path.GetDirectoryName(assembly);
            if (bin is not null && Directory.GetParent(bin) is { } root)
            {
                return root.FullName;
            }
        }

        return MyInvocation.MyCommand.Module?.ModuleBase ?? string.Empty;
    }
}
