using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ErpConnectors.RunspaceTests;

/// <summary>
/// The help the build generates (src/ErpConnectors.HelpGen from module/help/en-US/*.md) as Get-Help shows it, for
/// every exported cmdlet: a real synopsis, a description, every parameter described, examples with code.
/// </summary>
public sealed class HelpTests : IClassFixture<PowerShellSession>
{
    private readonly PowerShellSession _session;

    public HelpTests(PowerShellSession session) => _session = session;

    private IReadOnlyList<string> ExportedCmdlets() =>
        _session.RunOk("(Get-Module ErpConnectors).ExportedCmdlets.Keys | ForEach-Object { $_ }").Select(o => o.ToString()).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Every_exported_cmdlet_has_a_synopsis_a_description_and_described_parameters()
    {
        var cmdlets = ExportedCmdlets();
        Assert.NotEmpty(cmdlets);
        var problems = new List<string>();
        foreach (string name in cmdlets)
        {
            PSObject help = _session.RunOk($"Get-Help -Name '{name}' -Full").Single();

            string synopsis = Text(help.Properties["Synopsis"]?.Value).Trim();
            if (synopsis.Length == 0 || synopsis.StartsWith(name, StringComparison.OrdinalIgnoreCase) || synopsis.Contains("<CommonParameters>", StringComparison.Ordinal))
            {
                problems.Add($"{name}: the synopsis is missing or generated from the syntax: '{synopsis}'");
            }

            if (Text(help.Properties["description"]?.Value).Trim().Length == 0)
            {
                problems.Add($"{name}: no description");
            }

            var described = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (PSObject parameter in Items(Property(help, "parameters", "parameter")))
            {
                described[Text(parameter.Properties["name"]?.Value)] = Text(parameter.Properties["description"]?.Value).Trim();
            }

            var parameters = _session.RunOk(
                $"(Get-Command -Name '{name}').Parameters.Keys | Where-Object {{ $_ -notin [System.Management.Automation.Cmdlet]::CommonParameters }}");
            foreach (string parameter in parameters.Select(p => p.ToString()))
            {
                if (!described.TryGetValue(parameter, out string? text) || text.Length == 0)
                {
                    problems.Add($"{name}: -{parameter} is not described");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_exported_cmdlet_has_an_example_with_code()
    {
        var problems = new List<string>();
        foreach (string name in ExportedCmdlets())
        {
            PSObject help = _session.RunOk($"Get-Help -Name '{name}' -Examples").Single();
            var examples = Items(Property(help, "examples", "example")).ToList();
            if (!examples.Any(e => Text(e.Properties["code"]?.Value).Trim().Length > 0))
            {
                problems.Add($"{name}: no example with code");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_syntax_in_help_comes_from_the_cmdlets_parameter_sets()
    {
        var problems = new List<string>();
        foreach (string name in ExportedCmdlets())
        {
            PSObject help = _session.RunOk($"Get-Help -Name '{name}' -Full").Single();
            var syntaxItems = Items(Property(help, "syntax", "syntaxItem")).ToList();
            var sets = _session.RunOk($"(Get-Command -Name '{name}').ParameterSets");
            if (syntaxItems.Count != sets.Count)
            {
                problems.Add($"{name}: {syntaxItems.Count} syntax items for {sets.Count} parameter sets");
                continue;
            }

            for (int i = 0; i < sets.Count; i++)
            {
                var expected = ((CommandParameterSetInfo)sets[i].BaseObject).Parameters
                    .Select(p => p.Name).Where(p => !Cmdlet.CommonParameters.Contains(p)).Order(StringComparer.Ordinal);
                var actual = Items(syntaxItems[i].Properties["parameter"]?.Value).Select(p => Text(p.Properties["name"]?.Value)).Order(StringComparer.Ordinal);
                if (!expected.SequenceEqual(actual))
                {
                    problems.Add($"{name}, set {((CommandParameterSetInfo)sets[i].BaseObject).Name}: syntax shows {string.Join(",", actual)}, the cmdlet has {string.Join(",", expected)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Help_is_read_from_the_en_US_folder_of_the_module()
    {
        // A session of its own: the engine sets CmdletInfo.HelpFile to the full path only for the command whose
        // Get-Help loaded the file. In the shared session another cmdlet (Connect-Jiwa sorts first) may have loaded
        // it already, and Connect-Severa's HelpFile would then keep the bare file name.
        using var session = new PowerShellSession();
        session.RunOk("$null = Get-Help -Name Connect-Severa -Full");
        string helpFile = session.RunOk("(Get-Command -Name Connect-Severa).HelpFile").Single().ToString();
        Assert.Equal(Path.Combine(ModulePaths.ModuleFolder, "en-US", "ErpConnectors.dll-Help.xml"), helpFile);
    }

    [Fact]
    public void Help_is_found_in_a_second_runspace_of_the_same_process()
    {
        // The psm1 takes another path when the implementation assembly is already loaded (a re-import).
        using var first = new PowerShellSession();
        using var second = new PowerShellSession();
        foreach (var session in new[] { first, second })
        {
            string synopsis = session.RunOk("(Get-Help -Name Get-SeveraCustomer).Synopsis").Single().ToString();
            Assert.DoesNotContain("Get-SeveraCustomer", synopsis, StringComparison.Ordinal);
            Assert.NotEmpty(session.RunOk("(Get-Help -Name Get-SeveraCustomer -Examples).examples.example"));
        }
    }

    private static object? Property(PSObject help, string outer, string inner) =>
        help.Properties[outer]?.Value is { } container ? PSObject.AsPSObject(container).Properties[inner]?.Value : null;

    private static IEnumerable<PSObject> Items(object? value) => value switch
    {
        null => Enumerable.Empty<PSObject>(),
        PSObject { BaseObject: object[] array } => array.Select(PSObject.AsPSObject),
        object[] array => array.Select(PSObject.AsPSObject),
        _ => new[] { PSObject.AsPSObject(value) },
    };

    /// <summary>Help text: a string, or paragraphs (objects with a Text property).</summary>
    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        PSObject { BaseObject: string s } => s,
        _ => string.Join(" ", Items(value).Select(item => item.Properties["Text"]?.Value?.ToString() ?? (item.BaseObject as string) ?? string.Empty)),
    };
}

/// <summary>
/// The views of module/ErpConnectors.format.ps1xml: valid for the engine's format loader, and selected for the records
/// the cmdlets declare ([OutputType]). The views are checked by rendering objects through Out-Host into a host that
/// records the text, as a console would show them (the Pester suite checks them in pwsh itself).
/// </summary>
public sealed class FormatTests
{
    private static string FormatFile => Path.Combine(ModulePaths.ModuleFolder, "ErpConnectors.format.ps1xml");

    [Fact]
    public void The_format_file_loads_without_errors()
    {
        var table = new FormatTable(new[] { FormatFile }); // throws FormatTableLoadException listing every error
        Assert.NotNull(table);
    }

    [Fact]
    public void Every_record_type_the_cmdlets_return_has_a_view_that_is_used()
    {
        var views = Views();
        var host = new RecordingHost();
        using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        runspace.Open();
        Invoke(runspace, $"Import-Module '{ModulePaths.Manifest}' -ErrorAction Stop");

        // Get-FormatData, where the engine has it (pwsh does), must agree.
        bool hasGetFormatData = (bool)Invoke(runspace, "$null -ne $ExecutionContext.InvokeCommand.GetCmdlet('Get-FormatData')").Single().BaseObject;

        var typeNames = Invoke(runspace, "(Get-Module ErpConnectors).ExportedCmdlets.Values.OutputType.Name")
            .Select(o => o.ToString()).Where(n => n.StartsWith("ErpConnectors.", StringComparison.Ordinal))
            // Records whose fields depend on the query show them through their DefaultDisplayPropertySet, not a view.
            .Where(n => n is not ("ErpConnectors.Qics.Record" or "ErpConnectors.Weavy.Record"))
            .Distinct().Order().ToList();
        Assert.Contains("ErpConnectors.Severa.Customer", typeNames);

        var problems = new List<string>();
        foreach (string typeName in typeNames)
        {
            if (!views.TryGetValue(typeName, out var view))
            {
                problems.Add($"{typeName}: no view in {Path.GetFileName(FormatFile)}");
                continue;
            }

            // Seven properties nobody shows: without a view this would be a list of zz1..zz7.
            host.Clear();
            Invoke(runspace, "[pscustomobject]@{ PSTypeName = $args[0]; zz1 = 1; zz2 = 2; zz3 = 3; zz4 = 4; zz5 = 5; zz6 = 6; zz7 = 7 } | Out-Host", typeName);
            string[] lines = Regex.Replace(host.Text, @"\x1b\[[0-9;]*m", string.Empty).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToArray();
            if (lines.Any(l => Regex.IsMatch(l, @"^\s*zz1(\s|:|$)"))) // "zz1 : 1" (default list) or "zz1 zz2..." (default table)
            {
                problems.Add($"{typeName}: rendered without the module's view:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
                continue;
            }

            bool rendered = view.Kind == "TableControl"
                ? lines.Length >= 2 && view.Labels.All(label => lines[0].Contains(label, StringComparison.Ordinal)) && lines[1].TrimStart().StartsWith("---", StringComparison.Ordinal)
                : view.Labels.All(label => lines.Any(l => Regex.IsMatch(l, "^" + Regex.Escape(label) + @"\s*:")));
            if (!rendered)
            {
                problems.Add($"{typeName}: expected the {view.Kind} with {string.Join(", ", view.Labels)}, got:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
            }

            if (hasGetFormatData)
            {
                var control = Invoke(runspace, "(Get-FormatData -TypeName $args[0]).FormatViewDefinition[0].Control.GetType().Name", typeName);
                if (control.Count == 0 || control[0].ToString() != view.Kind)
                {
                    problems.Add($"{typeName}: Get-FormatData does not return the {view.Kind}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_Severa_record_type_has_a_table_view_and_the_connection_a_list_and_a_table()
    {
        var all = XDocument.Load(FormatFile).Descendants("View")
            .Select(v => (Type: (string?)v.Element("ViewSelectedBy")?.Element("TypeName"), Control: v.Elements().Select(e => e.Name.LocalName).First(n => n.EndsWith("Control", StringComparison.Ordinal))))
            .ToList();
        foreach (string record in new[] { "Customer", "ContactPerson", "Address", "User", "Project", "Phase", "WorkType", "WorkHour", "Invoice", "InvoiceRow", "InvoiceStatus", "Record" })
        {
            Assert.Contains(("ErpConnectors.Severa." + record, "TableControl"), all);
        }

        Assert.Equal(("ErpConnectors.Severa.SeveraConnection", "ListControl"), all.First(v => v.Type == "ErpConnectors.Severa.SeveraConnection"));
        Assert.Contains(("ErpConnectors.Severa.SeveraConnection", "TableControl"), all);
    }

    /// <summary>The first (default) view of each type: its control and the labels it shows.</summary>
    private static Dictionary<string, (string Kind, List<string> Labels)> Views()
    {
        var result = new Dictionary<string, (string Kind, List<string> Labels)>(StringComparer.Ordinal);
        foreach (XElement view in XDocument.Load(FormatFile).Descendants("View"))
        {
            string type = (string?)view.Element("ViewSelectedBy")?.Element("TypeName") ?? string.Empty;
            if (result.ContainsKey(type))
            {
                continue;
            }

            if (view.Element("TableControl") is { } table)
            {
                var headers = table.Descendants("TableColumnHeader").ToList();
                var items = table.Descendants("TableColumnItem").ToList();
                var labels = headers.Select((h, i) => (string?)h.Element("Label") ?? (string?)items[i].Element("PropertyName") ?? string.Empty).ToList();
                result[type] = ("TableControl", labels);
            }
            else if (view.Element("ListControl") is { } list)
            {
                var labels = list.Descendants("ListItem").Select(i => (string?)i.Element("Label") ?? (string?)i.Element("PropertyName") ?? string.Empty).ToList();
                result[type] = ("ListControl", labels);
            }
        }

        return result;
    }

    private static Collection<PSObject> Invoke(Runspace runspace, string script, params object[] arguments)
    {
        using var shell = PowerShell.Create(runspace);
        shell.AddScript(script);
        foreach (object argument in arguments)
        {
            shell.AddArgument(argument);
        }

        var output = shell.Invoke();
        Assert.False(shell.HadErrors, $"{script}: {string.Join("; ", shell.Streams.Error)}");
        return output;
    }

    /// <summary>A host that keeps what Out-Host writes, on a console wide enough that no column is cut.</summary>
    private sealed class RecordingHost : PSHost
    {
        private readonly RecordingUI _ui = new();

        public string Text => _ui.Text.ToString();

        public override string Name => "RecordingHost";

        public override Version Version { get; } = new(1, 0);

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override PSHostUserInterface UI => _ui;

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public void Clear() => _ui.Text.Clear();

        public override void SetShouldExit(int exitCode)
        {
        }

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }
    }

    private sealed class RecordingUI : PSHostUserInterface
    {
        private readonly WideRawUI _raw = new();

        public StringBuilder Text { get; } = new();

        public override PSHostRawUserInterface RawUI => _raw;

        public override string ReadLine() => string.Empty;

        public override SecureString ReadLineAsSecureString() => new();

        public override void Write(string value) => Text.Append(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Text.Append(value);

        public override void WriteLine(string value) => Text.Append(value).Append('\n');

        public override void WriteErrorLine(string value) => Text.Append("ERROR: ").Append(value).Append('\n');

        public override void WriteDebugLine(string message)
        {
        }

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
        }

        public override void WriteVerboseLine(string message)
        {
        }

        public override void WriteWarningLine(string message)
        {
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw new NotSupportedException();
    }

    private sealed class WideRawUI : PSHostRawUserInterface
    {
        public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

        public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

        public override Coordinates CursorPosition { get; set; }

        public override Coordinates WindowPosition { get; set; }

        public override int CursorSize { get; set; }

        public override Size BufferSize { get; set; } = new(400, 3000);

        public override Size WindowSize { get; set; } = new(400, 50);

        public override Size MaxWindowSize => new(400, 50);

        public override Size MaxPhysicalWindowSize => new(400, 50);

        public override bool KeyAvailable => false;

        public override string WindowTitle { get; set; } = string.Empty;

        public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

        public override void FlushInputBuffer()
        {
        }

        public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) => throw new NotSupportedException();

        public override void SetBufferContents(Rectangle rectangle, BufferCell fill) => throw new NotSupportedException();

        public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

        public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) => throw new NotSupportedException();
    }
}
