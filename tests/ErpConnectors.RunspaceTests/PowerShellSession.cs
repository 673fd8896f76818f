using System.Collections;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ErpConnectors.RunspaceTests;

/// <summary>What one script run produced, stream by stream.</summary>
public sealed record ScriptResult(
    Collection<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Debug,
    IReadOnlyList<string> Warnings,
    Exception? Terminating);

/// <summary>
/// A runspace of the real engine with the built module imported, as a user's session would be. Each test class
/// gets its own, so default connections never leak between tests.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private readonly Runspace _runspace;

    public PowerShellSession()
        : this(null)
    {
    }

    /// <param name="host">A host for the runspace (e.g. <see cref="NonInteractiveHost"/>); null: the engine's default.</param>
    internal PowerShellSession(System.Management.Automation.Host.PSHost? host) // internal: an xunit class fixture has one public constructor
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        _runspace.Open();
        var imported = Run($"Import-Module '{ModulePaths.Manifest}' -ErrorAction Stop");
        if (imported.Terminating is not null || imported.Errors.Count > 0)
        {
            throw new InvalidOperationException($"Import-Module failed: {imported.Terminating?.Message ?? imported.Errors[0].ToString()}");
        }
    }

    public Runspace Runspace => _runspace;

    /// <summary>Runs a script; variables are set first. Never throws for script failures: they are in the result.</summary>
    public ScriptResult Run(string script, IDictionary? variables = null)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        if (variables is not null)
        {
            foreach (DictionaryEntry entry in variables)
            {
                _runspace.SessionStateProxy.SetVariable((string)entry.Key, entry.Value);
            }
        }

        // A cmdlet's terminating error only ends its statement inside a script; try/catch surfaces it, as a
        // caller's own try would.
        shell.AddScript("try {\n" + script + "\n} catch { throw }");
        Collection<PSObject> output = new();
        Exception? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            terminating = ex;
        }

        return new ScriptResult(
            output,
            shell.Streams.Error.ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Debug.Select(d => d.Message).ToList(),
            shell.Streams.Warning.Select(w => w.Message).ToList(),
            terminating);
    }

    /// <summary>Runs a script that must succeed without errors, and returns its output.</summary>
    public Collection<PSObject> RunOk(string script, IDictionary? variables = null)
    {
        var result = Run(script, variables);
        if (result.Terminating is not null)
        {
            throw new InvalidOperationException($"Script failed: {result.Terminating.Message}", result.Terminating);
        }

        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException($"Script wrote {result.Errors.Count} error(s); first: {result.Errors[0]} ({result.Errors[0].FullyQualifiedErrorId})");
        }

        return result.Output;
    }

    public void Dispose() => _runspace.Dispose();
}

/// <summary>Where `dotnet build` left the module.</summary>
public static class ModulePaths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string ModuleFolder => Path.Combine(RepoRoot, "out", "ErpConnectors");

    public static string Manifest => Path.Combine(ModuleFolder, "ErpConnectors.psd1");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ErpConnectors.psd1")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (ErpConnectors.psd1) above " + AppContext.BaseDirectory);
    }
}
