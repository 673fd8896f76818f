using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ErpConnectors.Loading;

/// <summary>
/// Loads the module's implementation assembly (ErpConnectors.dll) so that its private dependencies never clash
/// with other versions already loaded in the session. Called once per process by ErpConnectors.psm1.
/// </summary>
public static class ModuleLoader
{
    private const string ImplementationAssembly = "ErpConnectors.dll";
    private static readonly object Sync = new();
    private static Assembly? s_module;

    /// <summary>True on PowerShell 7+ (.NET), false on Windows PowerShell 5.1 (.NET Framework).</summary>
    public static bool IsCoreClr { get; } =
        !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    /// <summary>Where the implementation assembly and its dependencies live (this assembly's folder).</summary>
    public static string AssemblyDirectory { get; } =
        Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location) ?? ".";

    /// <summary>Returns the implementation assembly, loading it on first use.</summary>
    public static Assembly Initialize()
    {
        lock (Sync)
        {
            if (s_module is null)
            {
                string path = Path.Combine(AssemblyDirectory, ImplementationAssembly);
                s_module = IsCoreClr ? LoadIsolated(path) : LoadWithResolver(path);
            }

            return s_module;
        }
    }

    // Kept in its own method so the .NET Framework JIT never has to resolve AssemblyLoadContext.
    private static Assembly LoadIsolated(string path) => ModuleLoadContext.Create(AssemblyDirectory).LoadFromAssemblyPath(path);

    // Windows PowerShell has one load context per AppDomain: the best it allows is resolving our dependencies from
    // our own folder when the binder cannot find a matching version elsewhere.
    private static Assembly LoadWithResolver(string path)
    {
        AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
        {
            var requested = new AssemblyName(args.Name);
            string candidate = Path.Combine(AssemblyDirectory, requested.Name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        };
        return Assembly.LoadFrom(path);
    }
}
