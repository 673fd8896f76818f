using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;

namespace ErpConnectors.HelpGen;

/// <summary>The checks that keep the markdown and the cmdlets in agreement (codes listed in Program.cs).</summary>
internal static partial class HelpChecks
{
    /// <summary>Parameters the engine adds (ShouldProcess, paging): standard text unless the markdown has its own.</summary>
    public static readonly IReadOnlyDictionary<string, string> EngineParameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["WhatIf"] = "Shows what would happen if the cmdlet runs. Nothing is sent to the system.",
        ["Confirm"] = "Prompts you for confirmation before each change.",
        ["First"] = "Gets only the first N records. The cmdlet stops reading pages as soon as it has them.",
        ["Skip"] = "Ignores the first N records, then gets the rest.",
        ["IncludeTotalCount"] = "Writes the total number of records before the records: the total the API reports (Jiwa lists), otherwise unknown (accuracy 0).",
    };

    public static void Run(IReadOnlyList<CommandModel> commands, Dictionary<string, HelpDocument> documents, string sourceFolder, Diagnostics diagnostics)
    {
        var byName = commands.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

        // Nouns of this module start with a system prefix (Severa, Erp...): a command in an example with such a noun
        // that the module does not export is a typo or a command that was renamed.
        var prefixes = commands.Select(c => FirstWord().Match(c.Noun).Value).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal);

        foreach (CommandModel command in commands)
        {
            if (!documents.ContainsKey(command.Name))
            {
                diagnostics.Error(Path.Combine(sourceFolder, command.Name + ".md"), 0, "HG001", $"{command.Name} is exported by the module but has no help: create this file (format: src/ErpConnectors.HelpGen/Program.cs).");
            }
        }

        foreach (var (stem, document) in documents)
        {
            if (!byName.TryGetValue(stem, out CommandModel? command))
            {
                diagnostics.Error(document.Path, 0, "HG002", $"The module exports no cmdlet named '{stem}': rename or remove this file.");
                continue;
            }

            if (!string.Equals(document.Title, command.Name, StringComparison.Ordinal))
            {
                diagnostics.Error(document.Path, document.TitleLine, "HG003", $"The title must be '# {command.Name}' (the file's cmdlet), not '# {document.Title}'.");
            }

            CheckDocument(command, document, byName, prefixes, sourceFolder, diagnostics);
        }
    }

    private static void CheckDocument(CommandModel command, HelpDocument document, Dictionary<string, CommandModel> commands, HashSet<string> prefixes, string sourceFolder, Diagnostics diagnostics)
    {
        foreach (string required in new[] { "SYNOPSIS", "DESCRIPTION" })
        {
            if (document.Paragraphs(required).Count == 0)
            {
                int line = document.Sections.TryGetValue(required, out HelpSection? section) ? section.Line : 0;
                diagnostics.Error(document.Path, line, "HG003", $"'## {required}' is missing or empty.");
            }
        }

        foreach (ParameterDoc parameter in document.Parameters)
        {
            if (CommandModel.CommonParameters.Contains(parameter.Name))
            {
                diagnostics.Error(document.Path, parameter.Line, "HG004", $"-{parameter.Name} is a common parameter (about_CommonParameters); do not document it per cmdlet.");
            }
            else if (!command.Parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.Ordinal)))
            {
                string? match = command.Parameters.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase))?.Name;
                diagnostics.Error(document.Path, parameter.Line, "HG004", match is not null
                    ? $"The parameter is spelled -{match}, not -{parameter.Name}."
                    : $"{command.Name} has no parameter -{parameter.Name}. Its parameters: {string.Join(", ", command.Parameters.Select(p => "-" + p.Name))}.");
            }
            else if (parameter.Paragraphs.Count == 0)
            {
                diagnostics.Error(document.Path, parameter.Line, "HG005", $"-{parameter.Name} has a heading but no text.");
            }
        }

        foreach (ParameterModel parameter in command.Parameters)
        {
            if (document.Parameter(parameter.Name) is null && !EngineParameters.ContainsKey(parameter.Name))
            {
                int line = document.Sections.TryGetValue("PARAMETERS", out HelpSection? section) ? section.Line : 0;
                diagnostics.Error(document.Path, line, "HG005", $"-{parameter.Name} ({parameter.ShortTypeName}) is not documented: add a '### -{parameter.Name}' section under '## PARAMETERS'.");
            }
        }

        if (document.Examples.Count == 0)
        {
            diagnostics.Error(document.Path, document.Sections.TryGetValue("EXAMPLES", out HelpSection? examples) ? examples.Line : 0, "HG006", $"{command.Name} has no example: add '## EXAMPLES' with '### Example 1: <title>' and a ```powershell block.");
        }

        foreach (ExampleDoc example in document.Examples)
        {
            if (string.IsNullOrWhiteSpace(example.Code))
            {
                diagnostics.Error(document.Path, example.Line, "HG006", "The example has no ```powershell code block.");
                continue;
            }

            CheckExampleCode(example, document.Path, commands, prefixes, diagnostics);
        }

        foreach (LinkDoc link in document.Links)
        {
            if (link.Uri is null || Uri.TryCreate(link.Uri, UriKind.Absolute, out _))
            {
                continue;
            }

            if (!File.Exists(Path.Combine(sourceFolder, link.Uri)))
            {
                diagnostics.Error(document.Path, link.Line, "HG008", $"The link target '{link.Uri}' does not exist in {sourceFolder}.");
            }
        }
    }

    private static void CheckExampleCode(ExampleDoc example, string path, Dictionary<string, CommandModel> commands, HashSet<string> prefixes, Diagnostics diagnostics)
    {
        ScriptBlockAst ast = Parser.ParseInput(example.Code, out _, out ParseError[] errors);
        foreach (ParseError error in errors)
        {
            diagnostics.Error(path, example.CodeLine + error.Extent.StartLineNumber - 1, "HG007", $"The example's code does not parse: {error.Message}");
        }

        if (errors.Length > 0)
        {
            return;
        }

        foreach (CommandAst call in ast.FindAll(a => a is CommandAst, searchNestedScriptBlocks: true).Cast<CommandAst>())
        {
            string? name = call.GetCommandName();
            if (name is null)
            {
                continue;
            }

            int line = example.CodeLine + call.Extent.StartLineNumber - 1;
            if (!commands.TryGetValue(name, out CommandModel? command))
            {
                Match verbNoun = VerbNoun().Match(name);
                if (verbNoun.Success && prefixes.Contains(FirstWord().Match(verbNoun.Groups[1].Value).Value))
                {
                    diagnostics.Error(path, line, "HG007", $"The example calls '{name}', which the module does not export.");
                }

                continue;
            }

            var used = new List<string>();
            foreach (CommandParameterAst parameter in call.CommandElements.OfType<CommandParameterAst>())
            {
                if (!command.ParameterNames.TryGetValue(parameter.ParameterName, out string? resolved))
                {
                    var candidates = command.ParameterNames.Keys.Where(k => k.StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase)).ToList();
                    diagnostics.Error(path, line, "HG007", candidates.Count > 0
                        ? $"{name} -{parameter.ParameterName}: write the parameter's full name (-{command.ParameterNames[candidates[0]]}), not an abbreviation."
                        : $"{name} has no parameter -{parameter.ParameterName}.");
                    continue;
                }

                used.Add(resolved);
            }

            // The parameters given together must belong to one parameter set.
            var setsOfEach = used.Distinct(StringComparer.OrdinalIgnoreCase).Select(p => command.SetsOfParameter[p]).ToList();
            bool together = command.AllSetNames.Any(set => setsOfEach.All(sets => sets.Contains(set) || sets.Contains("__AllParameterSets")));
            if (used.Count > 1 && !together)
            {
                diagnostics.Error(path, line, "HG007", $"{name}: no parameter set takes {string.Join(", ", used.Select(p => "-" + p))} together.");
            }
        }
    }

    [GeneratedRegex(@"^[A-Z][a-z0-9]*")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@"^[A-Za-z]+-([A-Za-z0-9]+)$")]
    private static partial Regex VerbNoun();
}
