using System.Management.Automation;
using System.Reflection;
using System.Security;

namespace ErpConnectors.RunspaceTests;

/// <summary>
/// Rules every exported cmdlet follows, checked on the built module as PowerShell sees it: a cmdlet added later
/// that breaks one fails here, naming itself and the rule.
/// </summary>
public class ConformanceTests
{
    private static readonly Lazy<IReadOnlyList<CmdletInfo>> s_cmdlets = new(() =>
    {
        using var session = new PowerShellSession();
        return session.RunOk("(Get-Module ErpConnectors).ExportedCmdlets.Values").Select(o => (CmdletInfo)o.BaseObject).ToList();
    });

    private static IReadOnlyList<CmdletInfo> Cmdlets => s_cmdlets.Value;

    private static CmdletAttribute Attribute(CmdletInfo cmdlet) => cmdlet.ImplementingType.GetCustomAttribute<CmdletAttribute>()!;

    private static void AllFollow(string rule, Func<CmdletInfo, bool> applies, Func<CmdletInfo, bool> follows)
    {
        var broken = Cmdlets.Where(applies).Where(c => !follows(c)).Select(c => c.Name).ToList();
        Assert.True(broken.Count == 0, $"{rule}: {string.Join(", ", broken)}");
    }

    [Fact]
    public void Every_cmdlet_class_is_exported_by_the_manifest()
    {
        // A cmdlet written but missing from CmdletsToExport would be invisible to users.
        Assembly module = Cmdlets[0].ImplementingType.Assembly;
        var declared = module.GetTypes().Select(t => t.GetCustomAttribute<CmdletAttribute>()).Where(a => a is not null).Select(a => $"{a!.VerbName}-{a.NounName}").ToList();
        var exported = Cmdlets.Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(declared, name => !exported.Contains(name));
        Assert.Equal(declared.Count, exported.Count);
    }

    [Fact]
    public void Every_verb_is_approved()
    {
        var approved = new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)).Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
        AllFollow("unapproved verb", _ => true, c => approved.Contains(c.Verb));
    }

    [Fact]
    public void Every_cmdlet_declares_what_it_outputs() =>
        AllFollow("no [OutputType]", _ => true, c => c.ImplementingType.GetCustomAttributes<OutputTypeAttribute>().Any());

    [Fact]
    public void Every_cmdlet_that_talks_to_a_system_takes_Connection() =>
        AllFollow(
            "talks to a system without -Connection",
            // The ErpSandbox cmdlets steer the local sandbox (-Sandbox or -Uri), not a system's connection.
            c => c.Verb != VerbsCommunications.Connect && !c.Noun.EndsWith("Connection", StringComparison.Ordinal) && c.Name != "ConvertTo-ErpFlatObject" && !c.Noun.StartsWith("ErpSandbox", StringComparison.Ordinal),
            c => c.Parameters.ContainsKey("Connection"));

    [Fact]
    public void Every_cmdlet_that_changes_data_supports_ShouldProcess()
    {
        string[] changing = { VerbsLifecycle.Register, VerbsCommon.New, VerbsCommon.Set, VerbsCommon.Remove, VerbsCommon.Add, VerbsCommon.Clear, VerbsData.Merge, VerbsData.Save, VerbsCommon.Undo, VerbsLifecycle.Start, VerbsLifecycle.Stop, VerbsCommunications.Send, VerbsLifecycle.Confirm, VerbsLifecycle.Invoke, VerbsData.Import };
        AllFollow("changes data without ShouldProcess", c => changing.Contains(c.Verb), c => Attribute(c).SupportsShouldProcess);
    }

    [Fact]
    public void Removing_merging_and_stopping_ask_for_confirmation_by_default() =>
        AllFollow(
            "Remove/Merge/Stop without ConfirmImpact High",
            // Stop-ErpSandbox ends a local throwaway process (its data is generated again at the next start), and a
            // test's AfterAll must not stop at a prompt: Medium, the one exception.
            c => (c.Verb is VerbsCommon.Remove or VerbsData.Merge or VerbsLifecycle.Stop) && c.Name != "Stop-ErpSandbox",
            c => Attribute(c).ConfirmImpact == ConfirmImpact.High);

    [Fact]
    public void Stop_ErpSandbox_supports_ShouldProcess_at_medium_impact() =>
        Assert.Equal(ConfirmImpact.Medium, Attribute(Cmdlets.Single(c => c.Name == "Stop-ErpSandbox")).ConfirmImpact);

    [Fact]
    public void No_secret_is_a_plain_string_parameter() =>
        AllFollow(
            "a secret parameter typed as a plain string",
            _ => true,
            c => c.Parameters.Values.All(p =>
                !System.Text.RegularExpressions.Regex.IsMatch(p.Name, "secret|password|token|apikey|api_key|credential", System.Text.RegularExpressions.RegexOptions.IgnoreCase) ||
                p.ParameterType == typeof(SecureString) || p.ParameterType == typeof(PSCredential) || p.ParameterType == typeof(SwitchParameter) ||
                IsDuration(p)));

    /// <summary>A lifetime in whole seconds (Set-ErpSandbox -TokenLifetime) names a token but holds no secret.</summary>
    private static bool IsDuration(ParameterMetadata parameter) =>
        parameter.Name.EndsWith("Lifetime", StringComparison.Ordinal) && parameter.ParameterType == typeof(int);

    [Fact]
    public void Every_cmdlet_has_help_with_an_example()
    {
        using var session = new PowerShellSession();
        var missing = session.RunOk("(Get-Module ErpConnectors).ExportedCmdlets.Keys | Where-Object { -not @((Get-Help $_ -Examples).examples.example).Count }").Select(o => o.ToString()).ToList();
        Assert.True(missing.Count == 0, "no help example: " + string.Join(", ", missing));
    }
}
