using System.Management.Automation;

namespace ErpConnectors.RunspaceTests;

/// <summary>
/// ConvertTo-ErpFlatObject reads custom objects' own members by index and caches its columns (for speed); these
/// check that it writes the same columns and values as the engine's public member access does, whatever the input.
/// </summary>
public sealed class FlatObjectTests
{
    // Records of several shapes: nested objects, arrays of scalars and of objects, a dictionary, nulls, dates, and
    // members in another order or missing from one record to the next.
    private const string Input = """
        $when = [DateTimeOffset]::new(2026, 12, 7, 10, 30, 0, [TimeSpan]::FromHours(2))
        $rows = @(
            [pscustomobject]@{ guid = 'g1'; name = 'First'; address = [pscustomobject]@{ city = 'Oulu'; country = [pscustomobject]@{ code = 'FI'; name = 'Finland' } }; tags = @('a', 'b'); when = $when; notes = $null }
            [pscustomobject]@{ name = 'Second'; guid = 'g2'; address = [pscustomobject]@{ country = [pscustomobject]@{ name = 'Sweden'; code = 'SE' }; city = 'Umeå' }; tags = @(); when = $when.AddDays(1) }
            [pscustomobject]@{ guid = 'g3'; extra = @{ level = 2; kind = 'x' }; contacts = @([pscustomobject]@{ n = 1; m = 'x' }, [pscustomobject]@{ n = 2 }); address = $null }
            [pscustomobject]@{ guid = 'g4'; address = [pscustomobject]@{ city = 'Turku'; country = [pscustomobject]@{ code = 'FI' } }; count = 3 }
        )
        """;

    private const string Describe = """
        | ForEach-Object { ($_.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, [string]$_.Value }) -join '|' }
        """;

    [Fact]
    public void Flat_rows_are_the_same_with_and_without_the_engine_shortcuts()
    {
        using var session = new PowerShellSession();
        var fast = session.RunOk(Input + "\n$rows | ConvertTo-ErpFlatObject " + Describe).Select(o => o.ToString()).ToList();
        var slow = session.RunOk(SetShortcuts(false) + Input + "\n$rows | ConvertTo-ErpFlatObject " + Describe + "\n" + SetShortcuts(true)).Select(o => o.ToString()).ToList();

        Assert.Equal(4, fast.Count);
        Assert.Equal(slow, fast);
        Assert.StartsWith("guid=g1|name=First|address.city=Oulu|address.country.code=FI|address.country.name=Finland|tags=a; b|when=", fast[0], StringComparison.Ordinal);
        Assert.StartsWith("name=Second|guid=g2|address.country.name=Sweden|address.country.code=SE|address.city=Umeå|tags=|when=", fast[1], StringComparison.Ordinal);
        Assert.Contains("extra.", fast[2], StringComparison.Ordinal);
        Assert.Contains("contacts=n=1, m=x; n=2", fast[2], StringComparison.Ordinal);
        Assert.Equal("guid=g4|address.city=Turku|address.country.code=FI|count=3", fast[3]);
    }

    [Fact]
    public void Members_other_than_note_properties_are_flattened_too()
    {
        using var session = new PowerShellSession();
        var rows = session.RunOk("""
            $a = [pscustomobject]@{ n = 2 }
            $a.PSObject.Properties.Add([psscriptproperty]::new('Doubled', { $this.n * 2 }))
            $a.PSObject.Properties.Add([psaliasproperty]::new('Count', 'n'))
            $a, [pscustomobject]@{ n = 5 } | ConvertTo-ErpFlatObject
            """ + Describe);

        Assert.Equal(new[] { "n=2|Doubled=4|Count=2", "n=5" }, rows.Select(o => o.ToString()));
    }

    [Fact]
    public void Two_paths_to_one_column_name_fill_it_once_the_last_one_winning_as_before()
    {
        using var session = new PowerShellSession();
        var rows = session.RunOk("[pscustomobject]@{ 'a.b' = 1; a = [pscustomobject]@{ b = 2 }; c = 3 } | ConvertTo-ErpFlatObject " + Describe);

        Assert.Equal("a.b=2|c=3", Assert.Single(rows).ToString());
    }

    [Fact]
    public void A_name_in_another_case_fills_the_column_of_that_name()
    {
        using var session = new PowerShellSession();
        var rows = session.RunOk("""
            [pscustomobject]@{ Name = 'x'; Inner = [pscustomobject]@{ Code = 1 } },
            [pscustomobject]@{ name = 'y'; inner = [pscustomobject]@{ code = 2 } } | ConvertTo-ErpFlatObject
            """ + Describe);

        // One column per name whatever its case (PowerShell's own names are case-insensitive, and so are Export-Csv's).
        Assert.Equal(new[] { "Name=x|Inner.Code=1", "Name=y|Inner.Code=2" }, rows.Select(o => o.ToString()));
    }

    // RecordFactory.UseShortcuts, reached the way a script can: through the cmdlet's assembly.
    private static string SetShortcuts(bool on) => $$"""
        (Get-Command ConvertTo-ErpFlatObject).ImplementingType.Assembly.GetType('ErpConnectors.Core.Json.RecordFactory').GetProperty('UseShortcuts', [Reflection.BindingFlags]'Static,NonPublic,Public').SetValue($null, ${{on}})

        """;
}
