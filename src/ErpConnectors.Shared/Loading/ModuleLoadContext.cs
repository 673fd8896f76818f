using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace ErpConnectors.Loading;

/// <summary>
/// The private load context of the module on PowerShell 7. Everything in the module's folder loads here, except
/// this assembly (whose types scripts use, so it must stay in the default context) and framework assemblies the
/// runtime already provides in a version at least as new (System.Memory and friends: two copies of Span would
/// break the dependencies that pass spans around).
/// </summary>
internal sealed class ModuleLoadContext : AssemblyLoadContext
{
    private static readonly string FrameworkDirectory =
        Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;

    private readonly string _directory;
    private readonly Assembly _sharedAssembly = typeof(ModuleLoadContext).Assembly;
    private readonly ConcurrentDictionary<string, bool> _frameworkSatisfies = new(StringComparer.OrdinalIgnoreCase);

    private ModuleLoadContext(string directory) => _directory = directory;

    internal static ModuleLoadContext Create(string directory) => new(directory);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? name = assemblyName.Name;
        if (name is null)
        {
            return null;
        }

        if (string.Equals(name, _sharedAssembly.GetName().Name, StringComparison.OrdinalIgnoreCase))
        {
            return _sharedAssembly;
        }

        string candidate = Path.Combine(_directory, name + ".dll");
        if (!File.Exists(candidate) || FrameworkSatisfies(assemblyName))
        {
            return null; // the default context resolves it (framework, PowerShell itself)
        }

        return LoadFromAssemblyPath(candidate);
    }

    private bool FrameworkSatisfies(AssemblyName requested) =>
        _frameworkSatisfies.GetOrAdd(requested.FullName, _ =>
        {
            string frameworkCopy = Path.Combine(FrameworkDirectory, requested.Name + ".dll");
            if (!File.Exists(frameworkCopy))
            {
                return false;
            }

            Version? available = AssemblyName.GetAssemblyName(frameworkCopy).Version;
            return requested.Version is null || (available is not null && available >= requested.Version);
        });
}
