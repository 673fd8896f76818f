using System.Management.Automation;
using System.Management.Automation.Runspaces;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Tests;

/// <summary>
/// ConvertTo-ErpFlatObject reads a custom object's own members directly only when the session's type data adds none
/// to objects of its kind: members that types.ps1xml or Update-TypeData add must still become columns.
/// </summary>
public sealed class FlatObjectTypeDataTests
{
    [Fact]
    public void Members_from_the_session_type_data_become_columns()
    {
        var typeData = new TypeData("Test.Flat.Kind");
        typeData.Members.Add("Doubled", new ScriptPropertyData("Doubled", ScriptBlock.Create("$this.n * 2")));
        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("ConvertTo-ErpFlatObject", typeof(ConvertToErpFlatObjectCommand), null));
        state.Types.Add(new SessionStateTypeEntry(typeData, isRemove: false));
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript("""
            $kind = 1..2 | ForEach-Object { $r = [pscustomobject]@{ n = $_ }; $r.PSObject.TypeNames.Insert(0, 'Test.Flat.Kind'); $r }
            @($kind) + [pscustomobject]@{ n = 5 } | ConvertTo-ErpFlatObject |
                ForEach-Object { ($_.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, $_.Value }) -join '|' }
            """);

        var rows = shell.Invoke().Select(o => o.ToString()).ToList();

        Assert.Empty(shell.Streams.Error);
        Assert.Equal(new[] { "n=1|Doubled=2", "n=2|Doubled=4", "n=5" }, rows);
    }
}
