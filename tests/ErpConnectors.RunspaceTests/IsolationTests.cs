using System.Reflection;
using System.Runtime.Loader;

namespace ErpConnectors.RunspaceTests;

public class IsolationTests : IClassFixture<SeveraSandboxFixture>
{
    private const string Dependency = "Microsoft.Extensions.DependencyInjection.Abstractions";
    private readonly SeveraSandboxFixture _sandbox;

    public IsolationTests(SeveraSandboxFixture sandbox) => _sandbox = sandbox;

    [Fact]
    public void The_module_works_beside_an_older_copy_of_its_dependency_already_loaded_in_the_session()
    {
        // As Az or Microsoft.Graph would: an older version of a dependency the module also uses, in the default
        // context. (The in-process sandbox's ASP.NET may already have put its own older copy there.)
        string older = Path.Combine(AppContext.BaseDirectory, "compat", "di-8", Dependency + ".dll");
        Assembly preloaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == Dependency)
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(older);
        int olderMajor = preloaded.GetName().Version!.Major;
        Assert.True(olderMajor < 11, $"the default context holds version {olderMajor}");

        using var session = new PowerShellSession();
        var customers = session.RunOk(SeveraSandboxFixture.Connect + "; Get-SeveraCustomer -First 3", _sandbox.Variables());
        Assert.Equal(3, customers.Count);

        var copies = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == Dependency).ToList();
        Assert.Contains(copies, a => a.GetName().Version!.Major == olderMajor && AssemblyLoadContext.GetLoadContext(a) == AssemblyLoadContext.Default);
        Assert.Contains(copies, a => a.GetName().Version!.Major == 11 && AssemblyLoadContext.GetLoadContext(a) != AssemblyLoadContext.Default);

        // The connection type scripts use stays in the default context, so [ErpConnectors.Severa.SeveraConnection] resolves.
        Assert.Equal("ErpConnectors.Severa.SeveraConnection", session.RunOk("[ErpConnectors.Severa.SeveraConnection].FullName").Single().BaseObject);
    }
}
