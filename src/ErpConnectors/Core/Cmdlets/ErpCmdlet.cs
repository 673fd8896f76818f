using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// Base of every cmdlet in the module: runs async work through the <see cref="PipelineBridge"/>, cancels it on
/// StopProcessing, and turns failures into ErrorRecords in one way.
/// </summary>
public abstract class ErpCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    protected CancellationToken StopToken => _stopping.Token;

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Dispose();
        }
    }

    /// <summary>Runs async work; an ApiException becomes a non-terminating error (terminating for auth failures).</summary>
    internal void Run(Func<ICallOutput, CancellationToken, Task> work, object? target = null, int readAhead = 1000, bool failuresTerminate = false) =>
        Run<bool>(async (output, token) =>
        {
            await work(output, token).ConfigureAwait(false);
            return true;
        }, target, readAhead, failuresTerminate);

    /// <param name="failuresTerminate">Every failure stops the pipeline (Connect: nothing can follow a failed login).</param>
    internal T? Run<T>(Func<ICallOutput, CancellationToken, Task<T>> work, object? target = null, int readAhead = 1000, bool failuresTerminate = false)
    {
        var bridge = new PipelineBridge(readAhead, VerboseAsked(), IsEnabled("Debug", "DebugPreference"), ShowsProgress()) { Shape = OutputShape };
        try
        {
            return bridge.Run(this, work, StopToken);
        }
        catch (ApiException ex) when (failuresTerminate)
        {
            ThrowTerminatingError(ErrorMapper.ToErrorRecord(ex, target));
            return default;
        }
        catch (ApiException ex)
        {
            Fail(ex, target);
            return default;
        }
        catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>What each written object goes through first (null: nothing), e.g. <see cref="Json.DisplayColumns"/>.</summary>
    internal virtual Func<object?, object?>? OutputShape => null;

    /// <summary>Reports a failure: terminating when nothing after it can work, otherwise for this item only.</summary>
    internal void Fail(ApiException exception, object? target = null)
    {
        ErrorRecord record = ErrorMapper.ToErrorRecord(exception, target);
        if (exception.IsTerminating)
        {
            ThrowTerminatingError(record);
        }

        WriteError(record);
    }

    /// <summary>
    /// Writes a verbose line only when verbose output was asked for. Hides <see cref="Cmdlet.WriteVerbose"/> on
    /// purpose: with -Debug alone PowerShell treats every verbose line as Inquire, a prompt, which fails in a
    /// non-interactive host (runbooks).
    /// </summary>
    protected new void WriteVerbose(string text)
    {
        if (VerboseAsked())
        {
            base.WriteVerbose(text);
        }
    }

    /// <summary>
    /// -Debug without -Verbose means no verbose lines: the engine would prompt for each one, whatever $VerbosePreference
    /// says (the debug lines carry the same calls). Otherwise -Verbose or $VerbosePreference decides.
    /// </summary>
    private bool VerboseAsked()
    {
        var bound = MyInvocation.BoundParameters;
        if (!bound.ContainsKey("Verbose") && bound.TryGetValue("Debug", out object? debug) && LanguagePrimitives.IsTrue(debug))
        {
            return false;
        }

        return IsEnabled("Verbose", "VerbosePreference");
    }

    /// <summary>Whether -Verbose/-Debug (or the preference variable) asks for that stream.</summary>
    private bool IsEnabled(string parameter, string preferenceVariable)
    {
        if (MyInvocation.BoundParameters.TryGetValue(parameter, out object? bound))
        {
            return bound is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(bound);
        }

        object? preference = CallerPreference(preferenceVariable) ?? GetVariableValue(preferenceVariable);
        return preference is ActionPreference action && action is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);
    }

    /// <summary>
    /// The preference as the engine applies it to this command: read in the caller's scope (a function's or a
    /// test's $VerbosePreference), where GetVariableValue would read the module's scope, then the global one.
    /// The engine keeps it on its command runtime (internal, in 5.1 and 7 alike); null if that ever changes.
    /// </summary>
    private object? CallerPreference(string preferenceVariable)
    {
        try
        {
            return CommandRuntime?.GetType().GetProperty(preferenceVariable, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)?.GetValue(CommandRuntime);
        }
        catch (System.Reflection.TargetInvocationException)
        {
            return null;
        }
    }

    // Progress is for people watching: not in hosts without a UI (runbooks, the embedded engine, remoting jobs).
    private bool ShowsProgress()
    {
        if (GetVariableValue("ProgressPreference") is ActionPreference preference &&
            preference is ActionPreference.SilentlyContinue or ActionPreference.Ignore)
        {
            return false;
        }

        try
        {
            return Host?.UI?.RawUI is not null && !string.Equals(Host.Name, "Default Host", StringComparison.Ordinal) && Environment.UserInteractive;
        }
        catch (NotImplementedException)
        {
            return false;
        }
    }
}
