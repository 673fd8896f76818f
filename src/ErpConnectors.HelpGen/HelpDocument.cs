using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ErpConnectors.HelpGen;

/// <summary>One cmdlet's markdown help, as written (the format is described in Program.cs).</summary>
internal sealed class HelpDocument
{
    public HelpDocument(string path) => Path = path;

    public string Path { get; }

    public string? Title { get; set; }

    public int TitleLine { get; set; }

    /// <summary>Sections by their upper-case name (SYNOPSIS...), with the line of their heading.</summary>
    public Dictionary<string, HelpSection> Sections { get; } = new(StringComparer.Ordinal);

    public List<ParameterDoc> Parameters { get; } = new();

    public List<ExampleDoc> Examples { get; } = new();

    public List<LinkDoc> Links { get; } = new();

    public IReadOnlyList<string> Paragraphs(string section) =>
        Sections.TryGetValue(section, out HelpSection? found) ? found.Paragraphs : Array.Empty<string>();

    public ParameterDoc? Parameter(string name) =>
        Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}

internal sealed class HelpSection(string name, int line)
{
    public string Name { get; } = name;

    public int Line { get; } = line;

    public List<string> Paragraphs { get; } = new();
}

internal sealed class ParameterDoc(string name, int line)
{
    public string Name { get; } = name;

    public int Line { get; } = line;

    public List<string> Paragraphs { get; } = new();
}

internal sealed class ExampleDoc(string title, int line)
{
    public string Title { get; } = title;

    public int Line { get; } = line;

    public string? Code { get; set; }

    public int CodeLine { get; set; }

    public List<string> Remarks { get; } = new();
}

internal sealed record LinkDoc(string Text, string? Uri, int Line);

/// <summary>Reads the markdown format line by line; format errors go to the diagnostics (HG003).</summary>
internal static partial class MarkdownHelpParser
{
    private static readonly string[] KnownSections =
        { "SYNOPSIS", "DESCRIPTION", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "EXAMPLES", "RELATED LINKS" };

    public static HelpDocument Parse(string path, Diagnostics diagnostics)
    {
        var document = new HelpDocument(path);
        string[] lines = File.ReadAllLines(path);
        var paragraphs = new ParagraphBuilder();
        HelpSection? section = null;
        ParameterDoc? parameter = null;
        ExampleDoc? example = null;
        List<string>? target = null; // where the current paragraphs go
        bool skipping = false; // inside an unknown section, already reported: ignore it up to the next section

        void Error(int line, string message) => diagnostics.Error(path, line, "HG003", message);

        void Flush()
        {
            if (target is not null)
            {
                paragraphs.FlushInto(target);
            }
        }

        for (int index = 0; index < lines.Length; index++)
        {
            string line = lines[index];
            int number = index + 1;
            if (skipping && !TopHeading().IsMatch(line))
            {
                continue;
            }

            skipping = false;

            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                string language = line.Trim().Substring(3).Trim();
                var block = new StringBuilder();
                int start = number;
                index++;
                while (index < lines.Length && !lines[index].TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    block.Append(lines[index].TrimEnd()).Append('\n');
                    index++;
                }

                if (index >= lines.Length)
                {
                    Error(start, "The fenced code block is never closed (```).");
                }

                string text = block.ToString().TrimEnd('\n');
                if (example is not null && example.Code is null)
                {
                    if (!string.Equals(language, "powershell", StringComparison.OrdinalIgnoreCase))
                    {
                        Error(start, $"An example's first code block must be ```powershell (found ```{language}).");
                    }

                    if (example.Remarks.Count > 0)
                    {
                        Error(start, "Put an example's explanation after its code block, not before it.");
                    }

                    example.Code = text;
                    example.CodeLine = start + 1;
                }
                else if (target is not null)
                {
                    target.Add(text);
                }
                else
                {
                    Error(start, "A code block outside any section.");
                }

                continue;
            }

            Match heading = Heading().Match(line);
            if (heading.Success)
            {
                Flush();
                int level = heading.Groups[1].Value.Length;
                string text = heading.Groups[2].Value.Trim();
                switch (level)
                {
                    case 1:
                        if (document.Title is not null)
                        {
                            Error(number, "Only one '# Verb-Noun' title per file.");
                        }

                        document.Title = text;
                        document.TitleLine = number;
                        section = null;
                        target = null;
                        break;
                    case 2:
                        string name = text.ToUpperInvariant();
                        parameter = null;
                        example = null;
                        if (!KnownSections.Contains(name))
                        {
                            Error(number, $"Unknown section '## {text}'. Sections: {string.Join(", ", KnownSections.Select(s => "## " + s))}.");
                            section = null;
                            target = null;
                            skipping = true;
                            break;
                        }

                        if (document.Sections.ContainsKey(name))
                        {
                            Error(number, $"Section '## {name}' appears twice.");
                        }

                        section = new HelpSection(name, number);
                        document.Sections[name] = section;
                        target = name is "PARAMETERS" or "EXAMPLES" or "RELATED LINKS" ? null : section.Paragraphs;
                        break;
                    case 3 when section?.Name == "PARAMETERS":
                        Match parameterHeading = ParameterHeading().Match(text);
                        if (!parameterHeading.Success)
                        {
                            Error(number, $"A parameter heading must be '### -Name', not '### {text}'.");
                            target = null;
                            break;
                        }

                        parameter = new ParameterDoc(parameterHeading.Groups[1].Value, number);
                        if (document.Parameter(parameter.Name) is not null)
                        {
                            Error(number, $"Parameter -{parameter.Name} is documented twice.");
                        }

                        document.Parameters.Add(parameter);
                        target = parameter.Paragraphs;
                        break;
                    case 3 when section?.Name == "EXAMPLES":
                        Match exampleHeading = ExampleHeading().Match(text);
                        int expected = document.Examples.Count + 1;
                        if (!exampleHeading.Success)
                        {
                            Error(number, $"An example heading must be '### Example {expected}: <title>', not '### {text}'.");
                        }
                        else if (int.Parse(exampleHeading.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) != expected)
                        {
                            Error(number, $"Examples are numbered in order: expected 'Example {expected}', found 'Example {exampleHeading.Groups[1].Value}'.");
                        }

                        example = new ExampleDoc(text, number);
                        document.Examples.Add(example);
                        target = example.Remarks;
                        break;
                    default:
                        Error(number, $"Unexpected heading '{line.Trim()}' here: '###' headings belong in ## PARAMETERS ('### -Name') and ## EXAMPLES ('### Example 1: title').");
                        target = null;
                        break;
                }

                continue;
            }

            if (line.Trim().Length == 0)
            {
                paragraphs.EndParagraph();
                continue;
            }

            if (section?.Name == "RELATED LINKS")
            {
                document.Links.Add(ParseLink(line, number, Error));
                continue;
            }

            if (target is null)
            {
                if (document.Title is null)
                {
                    Error(number, "The file must start with the cmdlet's name: '# Verb-Noun'.");
                    document.Title = string.Empty;
                }
                else if (section is not null)
                {
                    string where = section.Name == "PARAMETERS" ? "a '### -Name' heading" : "a '### Example 1: title' heading";
                    Error(number, $"Text in ## {section.Name} must follow {where}.");
                }
                else
                {
                    Error(number, "Text outside any section: start a '## SYNOPSIS' (etc.) section first.");
                }

                continue;
            }

            paragraphs.AddLine(line);
        }

        Flush();
        if (document.Title is null)
        {
            Error(1, "The file must start with the cmdlet's name: '# Verb-Noun'.");
        }

        return document;
    }

    private static LinkDoc ParseLink(string line, int number, Action<int, string> error)
    {
        string item = line.Trim();
        if (item.StartsWith("- ", StringComparison.Ordinal) || item.StartsWith("* ", StringComparison.Ordinal))
        {
            item = item.Substring(2).Trim();
        }

        Match link = MarkdownLink().Match(item);
        if (link.Success)
        {
            return new LinkDoc(link.Groups[1].Value.Trim(), link.Groups[2].Value.Trim(), number);
        }

        if (item.Contains("](", StringComparison.Ordinal))
        {
            error(number, $"Cannot read the link '{item}': write '- [text](target)'.");
        }

        return new LinkDoc(item, null, number);
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^#{1,2}\s")]
    private static partial Regex TopHeading();

    [GeneratedRegex(@"^-([A-Za-z][A-Za-z0-9_]*)$")]
    private static partial Regex ParameterHeading();

    [GeneratedRegex(@"^Example (\d+):\s*\S")]
    private static partial Regex ExampleHeading();

    [GeneratedRegex(@"^\[([^\]]+)\]\(([^)\s]+)\)$")]
    private static partial Regex MarkdownLink();

    /// <summary>Joins the lines of a paragraph; list items start paragraphs of their own.</summary>
    private sealed partial class ParagraphBuilder
    {
        private readonly List<string> _done = new();
        private StringBuilder? _current;

        public void AddLine(string line)
        {
            string trimmed = line.Trim();
            if (ListItem().IsMatch(trimmed) || _current is null)
            {
                EndParagraph();
                _current = new StringBuilder(trimmed);
                return;
            }

            _current.Append(' ').Append(trimmed);
        }

        public void EndParagraph()
        {
            if (_current is not null)
            {
                _done.Add(_current.ToString());
                _current = null;
            }
        }

        public void FlushInto(List<string> target)
        {
            EndParagraph();
            target.AddRange(_done);
            _done.Clear();
        }

        [GeneratedRegex(@"^([-*]|\d+\.)\s")]
        private static partial Regex ListItem();
    }
}
