using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Linq.Expressions;
using System.Management.Automation;
using System.Reflection;

namespace ErpConnectors.Core.Json;

/// <summary>
/// Makes the PSObjects that records stream as, without the engine's per-object bookkeeping where it can be skipped.
/// <para>
/// Why: a PSObject made with <c>new PSObject()</c> registers its member collection, and the copy of its type names
/// that <c>TypeNames.Insert</c> makes, in two process-wide ConditionalWeakTables (the engine's "resurrection tables").
/// Every entry is a dependent GC handle that every collection, even gen0, must walk until a full collection and a
/// table resize drop it: streaming a million records with nested objects left millions of them and made the
/// converter three times slower as the stream went on. Measured on the Severa customer shape: 23 to 36 µs per record
/// and growing, against a flat 4 µs without the tables.
/// </para>
/// <para>
/// How: PowerShell 7 has a public <c>PSObject(int)</c> constructor (its own ConvertFrom-Json uses it) that keeps the
/// member collection in the object. Type names are set to one shared, read-only list per record kind, the same kind
/// of list the engine gives every .NET object; <c>$record.PSTypeNames</c> still returns a private, changeable copy
/// (the engine copies a read-only list on first access). Properties go straight into the object's member collection:
/// the public <c>Properties.Add</c> copies each member and notes its name in the engine's member binders every time;
/// here a name is noted the first time a thread sees it (the note is process-wide and never undone).
/// Each shortcut is looked up once by reflection and tried once on throwaway objects; where one is missing or does
/// not behave (Windows PowerShell 5.1 differs) the public path is used, which behaves the same, only slower.
/// </para>
/// </summary>
internal static class RecordFactory
{
    private static readonly ConcurrentDictionary<string, object> s_typeNameLists = new(StringComparer.Ordinal);
    private static readonly Func<int, PSObject>? s_withCapacity;
    private static readonly Action<PSObject, object>? s_setTypeNames;
    private static readonly Func<PSObject, IList<string>>? s_getTypeNames;
    private static readonly Func<IEnumerable<string>, object>? s_readOnlyTypeNames;
    private static readonly Action<PSObject, PSMemberInfo>? s_addMember;
    private static readonly Func<PSObject, OrderedDictionary?>? s_ownMembers;

    static RecordFactory()
    {
        // Each shortcut is tried once on throwaway objects and kept only if it behaves as the public path would:
        // where a runtime checks access to internals when a delegate first runs (the .NET Framework under Windows
        // PowerShell), or an engine's internals mean something else, the record would otherwise fail at its first use.
        s_withCapacity = Verified(WithCapacity(), create => create(4).BaseObject is PSCustomObject);
        s_addMember = Verified(DirectMemberAdder(), AddsMembers) ?? Verified(MemberAdder(), AddsMembers);
        (s_getTypeNames, s_setTypeNames, s_readOnlyTypeNames) = Verified(TypeNameAccess(), TypeNamesBehave);
        s_ownMembers = Verified(OwnMemberReader(), read =>
        {
            var probe = new PSObject();
            probe.Properties.Add(new PSNoteProperty("First", 1));
            probe.Properties.Add(new PSNoteProperty("Second", 2));
            return read(new PSObject()) is null or { Count: 0 } && read(probe) is { Count: 2 } members
                && members[0] is PSNoteProperty { Name: "First" } && members[1] is PSNoteProperty { Name: "Second" };
        });
    }

    /// <summary>Whether the engine's internals the shortcuts need were found (false: the public path is used).</summary>
    internal static bool UsesShortcuts => s_withCapacity is not null && s_setTypeNames is not null && s_addMember is not null;

    /// <summary>A custom object (a PSCustomObject) with room for about <paramref name="capacity"/> properties.</summary>
    public static PSObject Create(int capacity) =>
        s_withCapacity is not null && UseShortcuts ? s_withCapacity(Math.Max(capacity, 1)) : new PSObject();

    /// <summary>
    /// Tags a record. <paramref name="typeName"/> is one name, or several separated by ';', most specific first
    /// ("ErpConnectors.Qics.Customer;ErpConnectors.Qics.Record"): a view for the specific kind wins, and records
    /// of kinds without one still get the system's generic view. Call it before anything reads the record's type names.
    /// </summary>
    public static void Tag(PSObject record, string typeName)
    {
        if (s_setTypeNames is not null && s_readOnlyTypeNames is not null && UseShortcuts)
        {
            s_setTypeNames(record, s_typeNameLists.GetOrAdd(typeName, static name => s_readOnlyTypeNames!(name.Split(';').Concat(CustomObjectTypeNames()).ToList())));
            return;
        }

        string[] names = typeName.Split(';');
        for (int i = 0; i < names.Length; i++)
        {
            record.TypeNames.Insert(i, names[i]);
        }
    }

    /// <summary>
    /// A record's type names, read without the private copy <c>TypeNames</c> makes (and registers) for a caller
    /// that might change them.
    /// </summary>
    public static IList<string> TypeNamesOf(PSObject record) =>
        s_getTypeNames is not null && UseShortcuts ? s_getTypeNames(record) : record.TypeNames;

    /// <summary>
    /// Adds a note property the record does not have yet (the caller checks). <paramref name="nameNoted"/> says the
    /// calling thread has added a property of this name before; it is set once the name is noted.
    /// </summary>
    public static void AddNew(PSObject record, PSNoteProperty property, ref bool nameNoted)
    {
        if (nameNoted && s_addMember is not null && UseShortcuts)
        {
            s_addMember(record, property);
            return;
        }

        record.Properties.Add(property, true);
        nameNoted = true;
    }

    /// <summary>
    /// The table of members a custom object holds itself, in the order added (hidden ones included), or null when it
    /// holds none yet. Only when <see cref="ReadsOwnMembers"/>; the caller must not change it.
    /// <para>
    /// Why: enumerating <c>Properties</c> walks the type tables and copies every member, and even the member
    /// collection's own enumerator copies it into a list, under a lock; a caller that reads many records of one kind
    /// checks once that the session's type data adds nothing to them, then reads the table by index.
    /// </para>
    /// </summary>
    public static OrderedDictionary? OwnMembers(PSObject record) => s_ownMembers!(record);

    /// <summary>Whether <see cref="OwnMembers"/> can be used (false where the engine's internals are not available: use <c>Properties</c>).</summary>
    public static bool ReadsOwnMembers => s_ownMembers is not null && UseShortcuts;

    /// <summary>For tests: false makes every call take the public path, as on an engine without the internals.</summary>
    internal static bool UseShortcuts { get; set; } = true;

    /// <summary>The shortcut, if trying it shows it behaves; otherwise null (the public path is used).</summary>
    internal static T? Verified<T>(T? shortcut, Func<T, bool> behaves)
    {
        try
        {
            return shortcut is not null && behaves(shortcut) ? shortcut : default;
        }
        catch (Exception e) when (e is MemberAccessException or InvalidOperationException or NotSupportedException or InvalidCastException or ArgumentException)
        {
            return default;
        }
    }

    private static bool AddsMembers(Action<PSObject, PSMemberInfo> add)
    {
        var probe = new PSObject();
        add(probe, new PSNoteProperty("Probe", 1));
        add(probe, new PSNoteProperty("Second", 2));
        return probe.Properties["probe"]?.Value is 1 && probe.Properties["SECOND"]?.Value is 2 && probe.Properties.Match("*").Count == 2
            && probe.Members["Second"] is PSNoteProperty;
    }

    // Two records share one list; changing one record's names must give it its own copy and leave the other alone.
    private static bool TypeNamesBehave((Func<PSObject, IList<string>>? Get, Action<PSObject, object>? Set, Func<IEnumerable<string>, object>? ReadOnly) access)
    {
        if (access is not (Func<PSObject, IList<string>> get, Action<PSObject, object> set, Func<IEnumerable<string>, object> readOnly))
        {
            return false;
        }

        object shared = readOnly(new[] { "ErpConnectors.Probe" }.Concat(CustomObjectTypeNames()).ToList());
        PSObject first = new PSObject(), second = new PSObject();
        set(first, shared);
        set(second, shared);
        first.TypeNames.Insert(0, "ErpConnectors.Changed");
        return first.TypeNames[0] == "ErpConnectors.Changed" && second.TypeNames[0] == "ErpConnectors.Probe"
            && get(second)[0] == "ErpConnectors.Probe" && second.TypeNames.Count == first.TypeNames.Count - 1;
    }

    private static IEnumerable<string> CustomObjectTypeNames() => new PSObject().TypeNames; // PSCustomObject, Object

    private static Func<int, PSObject>? WithCapacity()
    {
        ConstructorInfo? constructor = typeof(PSObject).GetConstructor(new[] { typeof(int) });
        if (constructor is null)
        {
            return null;
        }

        var capacity = Expression.Parameter(typeof(int), "capacity");
        return Compile<Func<int, PSObject>>(Expression.New(constructor, capacity), capacity);
    }

    private static (Func<PSObject, IList<string>>?, Action<PSObject, object>?, Func<IEnumerable<string>, object>?) TypeNameAccess()
    {
        PropertyInfo? internalNames = typeof(PSObject).GetProperty("InternalTypeNames", BindingFlags.NonPublic | BindingFlags.Instance);
        Type? listType = internalNames?.PropertyType;
        ConstructorInfo? readOnly = listType?.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, null, new[] { typeof(IEnumerable<string>), typeof(bool) }, null);
        if (internalNames is null || listType is null || readOnly is null || !typeof(IList<string>).IsAssignableFrom(listType) || internalNames.GetSetMethod(true) is null)
        {
            return (null, null, null);
        }

        var record = Expression.Parameter(typeof(PSObject), "record");
        var list = Expression.Parameter(typeof(object), "list");
        var names = Expression.Parameter(typeof(IEnumerable<string>), "names");
        return (
            Compile<Func<PSObject, IList<string>>>(Expression.Convert(Expression.Property(record, internalNames), typeof(IList<string>)), record),
            Compile<Action<PSObject, object>>(Expression.Assign(Expression.Property(record, internalNames), Expression.Convert(list, listType)), record, list),
            Compile<Func<IEnumerable<string>, object>>(Expression.Convert(Expression.New(readOnly, names, Expression.Constant(true)), typeof(object)), names));
    }

    /// <summary>
    /// Puts a member straight into the object's table of members: what the member collection's own Add does for a
    /// new, visible member, less its lock (the record is not shared yet) and its look-up for an existing one (the
    /// caller checks; the table refuses a duplicate name rather than keep two).
    /// </summary>
    private static Action<PSObject, PSMemberInfo>? DirectMemberAdder()
    {
        PropertyInfo? members = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.NonPublic | BindingFlags.Instance);
        PropertyInfo? table = members?.PropertyType.GetProperty("Members", BindingFlags.NonPublic | BindingFlags.Instance);
        MethodInfo? replicate = typeof(PSMemberInfo).GetMethod("ReplicateInstance", BindingFlags.NonPublic | BindingFlags.Instance, null, new[] { typeof(object) }, null);
        MethodInfo? add = typeof(OrderedDictionary).GetMethod(nameof(OrderedDictionary.Add), new[] { typeof(object), typeof(object) });
        if (members is null || table is null || table.PropertyType != typeof(OrderedDictionary) || replicate is null || add is null)
        {
            return null;
        }

        var record = Expression.Parameter(typeof(PSObject), "record");
        var member = Expression.Parameter(typeof(PSMemberInfo), "member");
        return Compile<Action<PSObject, PSMemberInfo>>(
            Expression.Block(
                Expression.Call(member, replicate, record),
                Expression.Call(Expression.Property(Expression.Property(record, members), table), add, Expression.Property(member, nameof(PSMemberInfo.Name)), member)),
            record,
            member);
    }

    private static Action<PSObject, PSMemberInfo>? MemberAdder()
    {
        PropertyInfo? members = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.NonPublic | BindingFlags.Instance);
        MethodInfo? add = members?.PropertyType.GetMethod("Add", new[] { typeof(PSMemberInfo), typeof(bool) });
        MethodInfo? replicate = typeof(PSMemberInfo).GetMethod("ReplicateInstance", BindingFlags.NonPublic | BindingFlags.Instance, null, new[] { typeof(object) }, null);
        if (members is null || add is null || replicate is null)
        {
            return null;
        }

        // What Properties.Add(member, preValidated: true) does, less the copy of the member and the binder notes.
        var record = Expression.Parameter(typeof(PSObject), "record");
        var member = Expression.Parameter(typeof(PSMemberInfo), "member");
        return Compile<Action<PSObject, PSMemberInfo>>(
            Expression.Block(
                Expression.Call(member, replicate, record),
                Expression.Call(Expression.Property(record, members), add, member, Expression.Constant(true))),
            record,
            member);
    }

    private static Func<PSObject, OrderedDictionary?>? OwnMemberReader()
    {
        // The field, not the property that makes the table on first use: reading a record must not change it.
        PropertyInfo? members = typeof(PSObject).GetProperty("InstanceMembers", BindingFlags.NonPublic | BindingFlags.Instance);
        FieldInfo? table = members?.PropertyType.GetField("_members", BindingFlags.NonPublic | BindingFlags.Instance);
        if (members is null || table is null || table.FieldType != typeof(OrderedDictionary))
        {
            return null;
        }

        var record = Expression.Parameter(typeof(PSObject), "record");
        return Compile<Func<PSObject, OrderedDictionary?>>(Expression.Field(Expression.Property(record, members), table), record);
    }

    private static T? Compile<T>(Expression body, params ParameterExpression[] parameters)
        where T : class
    {
        try
        {
            return Expression.Lambda<T>(body, parameters).Compile();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or MemberAccessException or NotSupportedException)
        {
            return null; // the public path then
        }
    }
}
