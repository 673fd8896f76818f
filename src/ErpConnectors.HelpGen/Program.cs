// ErpConnectors.HelpGen: writes the module's MAML help (what Get-Help reads) from ONE source per cmdlet, a markdown
// file, merged with the engine's own metadata of the built module. Runs after every build (see the csproj).
//
// Usage: dotnet ErpConnectors.HelpGen.dll --module <path to ErpConnectors.psd1> --source <module/help/en-US> [--force]
//
// ── The markdown format: module/help/<culture>/<Verb-Noun>.md, one file per exported cmdlet ─────────────────────────
//
//   # Get-SeveraCustomer                      the cmdlet's name; must match the file name
//
//   ## SYNOPSIS                               required: one short paragraph (what Get-Help lists)
//   ## DESCRIPTION                            required: paragraphs
//   ## PARAMETERS                             one "### -Name" section per parameter, with its explanation
//   ### -Guid
//   Text...
//   ## INPUTS                                 optional prose; the input TYPES are generated (see below)
//   ## OUTPUTS                                optional prose; the output types come from [OutputType]
//   ## NOTES                                  optional paragraphs
//   ## EXAMPLES                               required: at least one example
//   ### Example 1: Short title                numbered 1, 2, 3... in order
//   ```powershell
//   Get-SeveraCustomer -First 10
//   ```
//   What the example does (paragraphs; further fenced blocks such as ```output are kept verbatim).
//   ## RELATED LINKS                          list items: "- [Get-SeveraProject](Get-SeveraProject.md)",
//   - [Severa REST API](https://...)          "- [text](https://...)" or plain "- text"
//
// Sections may come in any order; any other "##" section is an error. Text: a blank line ends a paragraph, lines of
// one paragraph are joined, "- ", "* " and "1. " start list items (one paragraph each), fenced blocks are kept as
// they are. Markdown emphasis and `code` are left as written (Get-Help shows plain text).
//
// NOT written in markdown, because the engine knows them (Get-Command of the built module): parameter types,
// parameter sets and syntax, mandatory, position, pipeline input, aliases, wildcard support, valid values
// (ValidateSet, enums), default values (read from a new instance of the cmdlet), input types (the parameters that
// take pipeline input) and output types ([OutputType]). So the help can never disagree with the code.
// The engine-added parameters -WhatIf, -Confirm (SupportsShouldProcess) and -First, -Skip, -IncludeTotalCount
// (SupportsPaging) get standard text unless a "### -WhatIf" (etc.) section gives better; common parameters
// (-Verbose, -ErrorAction, ...) are not documented per cmdlet (Get-Help points to about_CommonParameters).
//
// ── The checks (any failure: errors in MSBuild's format file(line): error HGnnn, exit code 1, nothing written) ─────
//
//   HG001 an exported cmdlet has no markdown file          HG002 a markdown file names no exported cmdlet
//   HG003 the markdown breaks the format above             HG004 "### -X" names a parameter the cmdlet lacks
//   HG005 a cmdlet parameter is not documented             HG006 a cmdlet has no example
//   HG007 an example's code does not parse, calls a module command that does not exist, uses a parameter the
//         command lacks (full names or aliases only, no abbreviations), or combines parameters no set has together
//   HG008 a related link points to a markdown file that does not exist
//
// ── Where the help goes ─────────────────────────────────────────────────────────────────────────────────────────
//
// <ModuleBase>/<culture>/<CmdletInfo.HelpFile>, i.e. out/ErpConnectors/en-US/ErpConnectors.dll-Help.xml. The
// cmdlets' HelpFile is "<implementing assembly>.dll-Help.xml" and their Module is the script module (the psm1
// imports the assembly and re-exports its cmdlets), so Get-Help looks in the script module's base folder and its
// culture subfolders (falling back to en-US for other UI cultures). Checked by HelpTests in the runspace tests.
//
// The file records a hash of its inputs (markdown, module files, this generator); when nothing changed, the
// generator stops after hashing, before starting PowerShell.

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace ErpConnectors.HelpGen;

internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            Options options = Options.Parse(args);
            return Run(options);
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"ErpConnectors.HelpGen: error HG000: {ex.Message}");
            Console.Error.WriteLine("Usage: ErpConnectors.HelpGen --module <ErpConnectors.psd1> --source <help markdown folder> [--force]");
            return 2;
        }
    }

    private static int Run(Options options)
    {
        string culture = new DirectoryInfo(options.SourceFolder).Name; // the folder's name is the culture: en-US
        string moduleBase = Path.GetDirectoryName(options.Manifest)!;

        string[] markdownFiles = Directory.GetFiles(options.SourceFolder, "*.md").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        string inputHash = InputHash.Compute(markdownFiles, moduleBase);

        // Cheap path: the help of these exact inputs was written (and passed every check) before.
        string[] previous = Directory.Exists(Path.Combine(moduleBase, culture))
            ? Directory.GetFiles(Path.Combine(moduleBase, culture), "*-Help.xml")
            : Array.Empty<string>();
        if (!options.Force && previous.Length > 0 && previous.All(f => InputHash.Recorded(f) == inputHash))
        {
            Console.WriteLine($"ErpConnectors.HelpGen: help is up to date ({string.Join(", ", previous.Select(Path.GetFileName))}).");
            return 0;
        }

        var diagnostics = new Diagnostics();
        var documents = new Dictionary<string, HelpDocument>(StringComparer.OrdinalIgnoreCase);
        foreach (string file in markdownFiles)
        {
            HelpDocument document = MarkdownHelpParser.Parse(file, diagnostics);
            documents[Path.GetFileNameWithoutExtension(file)] = document;
        }

        IReadOnlyList<CommandModel> commands;
        using (var engine = ModuleEngine.Import(options.Manifest))
        {
            commands = engine.ExportedCmdlets();
        }

        if (commands.Count == 0)
        {
            diagnostics.Error(options.Manifest, 0, "HG001", "The module exports no cmdlets: nothing to document (did the module build?).");
        }

        HelpChecks.Run(commands, documents, options.SourceFolder, diagnostics);
        if (diagnostics.HasErrors)
        {
            diagnostics.Print();
            Console.Error.WriteLine($"ErpConnectors.HelpGen: {diagnostics.Count} error(s); help not written. The markdown format is described at the top of src/ErpConnectors.HelpGen/Program.cs.");
            return 1;
        }

        string outputFolder = Path.Combine(moduleBase, culture);
        Directory.CreateDirectory(outputFolder);
        var written = new List<string>();
        foreach (var group in commands.GroupBy(c => c.HelpFile, StringComparer.OrdinalIgnoreCase))
        {
            string path = Path.Combine(outputFolder, group.Key);
            MamlWriter.Write(path, group.Select(c => (c, documents[c.Name])).ToList(), inputHash);
            written.Add(path);
        }

        foreach (string stale in previous.Where(p => !written.Contains(p, StringComparer.OrdinalIgnoreCase)))
        {
            File.Delete(stale);
        }

        Console.WriteLine($"ErpConnectors.HelpGen: wrote help for {commands.Count} cmdlets to {string.Join(", ", written)}.");
        return 0;
    }

    private sealed record Options(string Manifest, string SourceFolder, bool Force)
    {
        public static Options Parse(string[] args)
        {
            string? manifest = null;
            string? source = null;
            bool force = false;
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--module" when i + 1 < args.Length:
                        manifest = args[++i];
                        break;
                    case "--source" when i + 1 < args.Length:
                        source = args[++i];
                        break;
                    case "--force":
                        force = true;
                        break;
                    default:
                        throw new UsageException($"Unknown or incomplete argument '{args[i]}'.");
                }
            }

            if (manifest is null || !File.Exists(manifest))
            {
                throw new UsageException($"--module must name the built module manifest; '{manifest}' does not exist (build src/ErpConnectors first).");
            }

            if (source is null || !Directory.Exists(source))
            {
                throw new UsageException($"--source must name the folder of help markdown; '{source}' does not exist.");
            }

            return new Options(Path.GetFullPath(manifest), Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar), force);
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);

/// <summary>Errors in MSBuild's canonical format, so the build shows them against the markdown file and line.</summary>
internal sealed class Diagnostics
{
    private readonly List<string> _errors = new();

    public bool HasErrors => _errors.Count > 0;

    public int Count => _errors.Count;

    public void Error(string file, int line, string code, string message) =>
        _errors.Add(line > 0 ? $"{file}({line}): error {code}: {message}" : $"{file}: error {code}: {message}");

    public void Print()
    {
        foreach (string error in _errors)
        {
            Console.Error.WriteLine(error);
        }
    }
}

/// <summary>Loads the built module into an engine of its own, as a user's session would.</summary>
internal sealed class ModuleEngine : IDisposable
{
    private readonly System.Management.Automation.Runspaces.Runspace _runspace;
    private readonly PSModuleInfo _module;

    private ModuleEngine(System.Management.Automation.Runspaces.Runspace runspace, PSModuleInfo module)
    {
        _runspace = runspace;
        _module = module;
    }

    public static ModuleEngine Import(string manifest)
    {
        var state = System.Management.Automation.Runspaces.InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows())
        {
            state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        }

        var runspace = System.Management.Automation.Runspaces.RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = PowerShell.Create(runspace);
        shell.AddCommand("Import-Module").AddParameter("Name", manifest).AddParameter("PassThru").AddParameter("ErrorAction", "Stop");
        try
        {
            var result = shell.Invoke();
            if (shell.HadErrors || result.Count == 0 || result[0].BaseObject is not PSModuleInfo module)
            {
                string why = shell.Streams.Error.Count > 0 ? shell.Streams.Error[0].ToString() : "no module returned";
                throw new InvalidOperationException($"Import-Module '{manifest}' failed: {why}");
            }

            return new ModuleEngine(runspace, module);
        }
        catch
        {
            runspace.Dispose();
            throw;
        }
    }

    public IReadOnlyList<CommandModel> ExportedCmdlets() =>
        _module.ExportedCmdlets.Values
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Select(CommandModel.From)
            .ToList();

    public void Dispose() => _runspace.Dispose();
}
