using System.Management.Automation;

namespace ErpConnectors.RunspaceTests;

public class ModuleLoadingTests
{
    [Fact]
    public void Import_exports_every_cmdlet_named_in_the_manifest()
    {
        using var session = new PowerShellSession();
        var names = session.RunOk("(Get-Command -Module ErpConnectors).Name").Select(o => o.BaseObject.ToString()).ToHashSet();
        var manifest = session.RunOk($"(Test-ModuleManifest -Path '{ModulePaths.Manifest}').ExportedCmdlets.Keys");
        Assert.NotEmpty(manifest);
        foreach (var name in manifest.Select(o => o.BaseObject.ToString()))
        {
            Assert.Contains(name, names);
        }
    }

    [Fact]
    public void The_PowerShell_reference_assembly_does_not_ship()
    {
        Assert.False(File.Exists(Path.Combine(ModulePaths.ModuleFolder, "bin", "System.Management.Automation.dll")));
        Assert.True(File.Exists(Path.Combine(ModulePaths.ModuleFolder, "bin", "ErpConnectors.dll")));
    }
}
