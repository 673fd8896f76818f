using System.Collections;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Json;

namespace ErpConnectors.Tests;

/// <summary>
/// Records are made without the engine's resurrection tables (see RecordFactory) and must look exactly like the
/// records the public PSObject API makes. The public path is forced through RecordFactory.UseShortcuts, which every
/// test here restores; the collection runs alone, so no other test sees the switch.
/// </summary>
[Collection(nameof(RecordFactoryTests))]
[CollectionDefinition(nameof(RecordFactoryTests), DisableParallelization = true)]
public sealed class RecordFactoryTests
{
    private const string Json = """{"guid":"a","name":"Acme","number":7,"isActive":true,"owner":{"guid":"u1","name":"Ann"},"tags":["x",{"code":"k"}],"Name":"last wins"}""";

    private static PSObject Parse(string typeName = "ErpConnectors.Test.Customer;ErpConnectors.Test.Record") =>
        (PSObject)ConnectionRuntime.ParseValue(Encoding.UTF8.GetBytes(Json), typeName)!;

    private static PSObject ParsePublic(string typeName = "ErpConnectors.Test.Customer;ErpConnectors.Test.Record")
    {
        RecordFactory.UseShortcuts = false;
        try
        {
            return Parse(typeName);
        }
        finally
        {
            RecordFactory.UseShortcuts = true;
        }
    }

    [Fact]
    public void The_engine_in_use_has_what_the_shortcuts_need()
    {
        // PowerShell 7.6 (the runspace tests' engine): if an update renamed an internal, records would silently take
        // the slow path and the benchmark would say so only in numbers; this says it by name.
        Assert.True(RecordFactory.UsesShortcuts);
    }

    [Fact]
    public void A_shortcut_that_fails_or_misbehaves_when_tried_is_not_used()
    {
        // The .NET Framework checks access to an engine's internals when the delegate first runs, not when it is made.
        Func<int> denied = () => throw new MethodAccessException("internal");
        Func<int> wrong = () => 2;
        Func<int> right = () => 1;

        Assert.Null(RecordFactory.Verified(denied, f => f() == 1));
        Assert.Null(RecordFactory.Verified(wrong, f => f() == 1));
        Assert.Same(right, RecordFactory.Verified(right, f => f() == 1));
    }

    [Fact]
    public void Records_made_either_way_have_the_same_properties_values_and_type_names()
    {
        PSObject fast = Parse();
        PSObject slow = ParsePublic();

        Assert.Equal(Describe(slow), Describe(fast));
        Assert.Equal(["ErpConnectors.Test.Customer", "ErpConnectors.Test.Record", "System.Management.Automation.PSCustomObject", "System.Object"], fast.TypeNames);
        Assert.Equal(slow.TypeNames, fast.TypeNames);
        Assert.Equal("last wins", fast.Properties["name"].Value); // the duplicate key replaced the first value, in place
        Assert.Equal(["guid", "name", "number", "isActive", "owner", "tags"], fast.Properties.Select(p => p.Name));
    }

    [Fact]
    public void A_records_type_names_can_be_changed_without_touching_other_records_of_its_kind()
    {
        PSObject first = Parse();
        PSObject second = Parse();

        first.TypeNames.Insert(0, "My.Own.View");
        first.TypeNames.Remove("ErpConnectors.Test.Record");

        Assert.Equal("My.Own.View", first.TypeNames[0]);
        Assert.DoesNotContain("ErpConnectors.Test.Record", first.TypeNames);
        Assert.Equal(["ErpConnectors.Test.Customer", "ErpConnectors.Test.Record", "System.Management.Automation.PSCustomObject", "System.Object"], second.TypeNames);
        Assert.Equal("ErpConnectors.Test.Customer", Parse().TypeNames[0]);
        Assert.Equal("My.Own.View", first.TypeNames[0]); // the changed copy is the record's own from now on
    }

    [Fact]
    public void Properties_of_fast_records_can_be_set_added_and_removed()
    {
        PSObject record = Parse();
        PSObject owner = (PSObject)record.Properties["owner"].Value;

        record.Properties["name"].Value = "Renamed";
        owner.Properties["name"].Value = "Bob";
        record.Properties.Add(new PSNoteProperty("extra", 1));
        record.Properties.Remove("number");

        Assert.Equal("Renamed", record.Properties["NAME"].Value);
        Assert.Equal("Bob", ((PSObject)record.Properties["owner"].Value).Properties["name"].Value);
        Assert.Equal(1, record.Properties["extra"].Value);
        Assert.Null(record.Properties["number"]);

        // Adding a name the record has replaces its value, as on any custom object the engine makes.
        PSObject plain = ParsePublic();
        record.Properties.Add(new PSNoteProperty("GUID", "replaced"));
        plain.Properties.Add(new PSNoteProperty("GUID", "replaced"));
        Assert.Equal("replaced", record.Properties["guid"].Value);
        Assert.Equal(plain.Properties.Count(), Parse().Properties.Count());
        Assert.Equal(record.Properties.Count(), Parse().Properties.Count()); // extra added, number removed
    }

    [Fact]
    public void Fast_records_and_their_nested_objects_stay_out_of_the_resurrection_tables()
    {
        PSObject fast = Parse();
        PSObject fastOwner = (PSObject)fast.Properties["owner"].Value;
        PSObject slow = ParsePublic();

        Assert.False(InResurrectionTable("s_instanceMembersResurrectionTable", fast));
        Assert.False(InResurrectionTable("s_instanceMembersResurrectionTable", fastOwner));
        Assert.False(InResurrectionTable("s_typeNamesResurrectionTable", fast));

        // The check can see an entry: the public path registers both tables.
        Assert.True(InResurrectionTable("s_instanceMembersResurrectionTable", slow));
        Assert.True(InResurrectionTable("s_typeNamesResurrectionTable", slow));
    }

    private static bool InResurrectionTable(string field, PSObject record)
    {
        object table = typeof(PSObject).GetField(field, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        foreach (object entry in (IEnumerable)table)
        {
            if (ReferenceEquals(entry.GetType().GetProperty("Key")!.GetValue(entry), record))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(object? value) => value switch
    {
        PSObject record => "{" + string.Join(";", record.Properties.Select(p => $"{p.Name}:{p.TypeNameOfValue}={Describe(p.Value)}")) + "}",
        object[] items => "[" + string.Join(",", items.Select(Describe)) + "]",
        _ => value?.ToString() ?? "null",
    };
}
