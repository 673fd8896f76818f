using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ErpConnectors.Bench;

/// <summary>
/// The module in a real runspace, as a user has it: one runspace with the built module imported; scripts run in
/// it with their output counted by the host and not kept (<see cref="CountingList"/>).
/// </summary>
internal sealed class ModuleHost : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleHost(string manifest)
    {
        _runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        _runspace.Open();
        Run("Import-Module $manifest -ErrorAction Stop", new() { ["manifest"] = manifest });
    }

    /// <summary>Sets the variables, runs the script and returns how many objects it wrote; its errors are fatal.</summary>
    public long Run(string script, Dictionary<string, object?>? variables = null)
    {
        foreach (var (name, value) in variables ?? [])
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
        }

        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        var sink = new CountingList();
        shell.Invoke<PSObject>(null, sink);
        if (shell.HadErrors)
        {
            throw new InvalidOperationException($"'{script}' wrote errors: " + string.Join("; ", shell.Streams.Error));
        }

        return sink.Added;
    }

    public static PSCredential Credential(string user, string secret) => new(user, Secure(secret));

    public static System.Security.SecureString Secure(string secret) => new System.Net.NetworkCredential(string.Empty, secret).SecurePassword;

    public void Dispose() => _runspace.Dispose();
}
