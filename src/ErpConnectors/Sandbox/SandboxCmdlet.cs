using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Sandbox;

/// <summary>
/// Base of the cmdlets that steer a running sandbox: which sandbox (-Sandbox, -Uri, else the one this session
/// started, else where Connect-* -Sandbox would go), and its control endpoint's failures as ErrorRecords.
/// </summary>
public abstract class SandboxCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>A sandbox Start-ErpSandbox returned. By default, the newest one this session started.</summary>
    [Parameter(ParameterSetName = "Sandbox", ValueFromPipeline = true)]
    [ValidateNotNull]
    public ErpSandbox? Sandbox { get; set; }

    /// <summary>The root of a sandbox started some other way (erp-sandbox, ./build.ps1 Sandbox), e.g. http://127.0.0.1:5380/.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Uri")]
    [ValidateNotNull]
    public Uri? Uri { get; set; }

    protected CancellationToken StopToken => _stopping.Token;

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>The root URI to steer; a terminating error when a given sandbox has stopped.</summary>
    protected Uri TargetRoot()
    {
        if (Uri is not null)
        {
            if (!Uri.IsAbsoluteUri || !Uri.IsLoopback)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException($"-Uri must be a sandbox on this machine (http://127.0.0.1:<port>/), not '{Uri}': its control endpoint answers loopback only."),
                    "ErpSandbox.NotLoopback",
                    ErrorCategory.InvalidArgument,
                    Uri));
            }

            return new Uri(Uri.GetLeftPart(UriPartial.Authority) + "/");
        }

        ErpSandbox? sandbox = Sandbox ?? SandboxSessions.Current;
        if (sandbox is null)
        {
            return SandboxDefaults.Root;
        }

        if (sandbox.HasExited)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException($"The sandbox at {sandbox.RootUri} has stopped. Start another with Start-ErpSandbox."),
                "ErpSandbox.Stopped",
                ErrorCategory.ResourceUnavailable,
                sandbox));
        }

        return sandbox.RootUri;
    }

    /// <summary>Waits for a control call; its failure becomes an ErrorRecord (terminating when no sandbox answers).</summary>
    internal T? Call<T>(Func<CancellationToken, Task<T>> call, object? target)
        where T : class
    {
        try
        {
            return call(StopToken).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (SandboxControlException e) when (e.Failure == SandboxControlFailure.Refused)
        {
            WriteError(new ErrorRecord(e, "ErpSandbox.Refused", ErrorCategory.InvalidArgument, target));
            return null;
        }
        catch (SandboxControlException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, "ErpSandbox.Unreachable", ErrorCategory.ConnectionError, target));
            return null;
        }
    }
}
