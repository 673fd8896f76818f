using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace ErpConnectors.HelpGen;

/// <summary>
/// Writes MAML (helpItems / command:command), the schema Get-Help reads for cmdlets: details, description, syntax
/// (one item per parameter set), parameters, inputTypes, returnValues, alertSet (notes), examples, relatedLinks.
/// </summary>
internal static class MamlWriter
{
    private const string Msh = "http://msh";
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static void Write(string path, IReadOnlyList<(CommandModel Command, HelpDocument Document)> items, string inputHash)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        string temporary = path + ".tmp";
        using (var writer = XmlWriter.Create(temporary, settings))
        {
            writer.WriteStartDocument();
            writer.WriteComment(InputHash.Comment(inputHash));
            writer.WriteStartElement("helpItems", Msh);
            writer.WriteAttributeString("schema", "maml");
            foreach (var (command, document) in items)
            {
                WriteCommand(writer, command, document);
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static void WriteCommand(XmlWriter w, CommandModel command, HelpDocument document)
    {
        w.WriteStartElement("command", "command", Command);
        w.WriteAttributeString("xmlns", "maml", null, Maml);
        w.WriteAttributeString("xmlns", "command", null, Command);
        w.WriteAttributeString("xmlns", "dev", null, Dev);

        w.WriteStartElement("command", "details", Command);
        w.WriteElementString("command", "name", Command, command.Name);
        Description(w, document.Paragraphs("SYNOPSIS"));
        w.WriteElementString("command", "verb", Command, command.Verb);
        w.WriteElementString("command", "noun", Command, command.Noun);
        w.WriteEndElement();

        Description(w, document.Paragraphs("DESCRIPTION"));

        w.WriteStartElement("command", "syntax", Command);
        foreach (ParameterSetModel set in command.ParameterSets)
        {
            w.WriteStartElement("command", "syntaxItem", Command);
            w.WriteElementString("maml", "name", Maml, command.Name);
            foreach (var (parameter, inSet) in set.Parameters)
            {
                Parameter(w, parameter, inSet.Mandatory, ParameterModel.PositionText(inSet.Position), PipelineInput(inSet), description: null);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("command", "parameters", Command);
        foreach (ParameterModel parameter in command.Parameters.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase))
        {
            IReadOnlyList<string> text = document.Parameter(parameter.Name)?.Paragraphs
                ?? new List<string> { HelpChecks.EngineParameters[parameter.Name] };
            Parameter(w, parameter, parameter.Required, parameter.Position, parameter.PipelineInput, text);
        }

        w.WriteEndElement();

        w.WriteStartElement("command", "inputTypes", Command);
        IReadOnlyList<string> inputProse = document.Paragraphs("INPUTS");
        var inputs = InputTypes(command, hasProse: inputProse.Count > 0);
        for (int i = 0; i < inputs.Count; i++)
        {
            TypeEntry(w, "inputType", inputs[i].TypeName, i == 0 ? inputs[i].Notes.Concat(inputProse) : inputs[i].Notes);
        }

        w.WriteEndElement();

        w.WriteStartElement("command", "returnValues", Command);
        IReadOnlyList<string> outputs = command.OutputTypes.Count > 0 ? command.OutputTypes : new[] { "None" };
        IReadOnlyList<string> outputProse = document.Paragraphs("OUTPUTS");
        for (int i = 0; i < outputs.Count; i++)
        {
            TypeEntry(w, "returnValue", outputs[i], i == 0 ? outputProse : Array.Empty<string>());
        }

        w.WriteEndElement();

        if (document.Paragraphs("NOTES").Count > 0)
        {
            w.WriteStartElement("maml", "alertSet", Maml);
            w.WriteStartElement("maml", "alert", Maml);
            Paragraphs(w, document.Paragraphs("NOTES"));
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteStartElement("command", "examples", Command);
        foreach (ExampleDoc example in document.Examples)
        {
            w.WriteStartElement("command", "example", Command);
            w.WriteElementString("maml", "title", Maml, $"---------- {example.Title} ----------");
            w.WriteElementString("dev", "code", Dev, example.Code ?? string.Empty);
            w.WriteStartElement("dev", "remarks", Dev);
            Paragraphs(w, example.Remarks.Append(string.Empty)); // the empty paragraph separates the examples
            w.WriteEndElement();
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteStartElement("command", "relatedLinks", Command);
        foreach (LinkDoc link in document.Links)
        {
            bool online = link.Uri is not null && Uri.TryCreate(link.Uri, UriKind.Absolute, out _);
            w.WriteStartElement("maml", "navigationLink", Maml);
            w.WriteElementString("maml", "linkText", Maml, link.Text);
            w.WriteElementString("maml", "uri", Maml, online ? link.Uri : string.Empty);
            w.WriteEndElement();
        }

        w.WriteEndElement();

        w.WriteEndElement(); // command:command
    }

    private static void Parameter(XmlWriter w, ParameterModel parameter, bool required, string position, string pipelineInput, IEnumerable<string>? description)
    {
        w.WriteStartElement("command", "parameter", Command);
        w.WriteAttributeString("required", required ? "true" : "false");
        w.WriteAttributeString("variableLength", parameter.IsArray ? "true" : "false");
        w.WriteAttributeString("globbing", parameter.Globbing ? "true" : "false");
        w.WriteAttributeString("pipelineInput", pipelineInput);
        w.WriteAttributeString("position", position);
        w.WriteAttributeString("aliases", parameter.Aliases.Count > 0 ? string.Join(", ", parameter.Aliases) : "none");
        w.WriteElementString("maml", "name", Maml, parameter.Name);
        if (description is not null)
        {
            Description(w, description);
        }

        if (parameter.ValidValues.Count > 0)
        {
            w.WriteStartElement("command", "parameterValueGroup", Command);
            foreach (string value in parameter.ValidValues)
            {
                w.WriteStartElement("command", "parameterValue", Command);
                w.WriteAttributeString("required", "false");
                w.WriteAttributeString("command", "variableLength", Command, "false");
                w.WriteString(value);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        if (!parameter.IsSwitch)
        {
            w.WriteStartElement("command", "parameterValue", Command);
            w.WriteAttributeString("required", "true");
            w.WriteAttributeString("variableLength", parameter.IsArray ? "true" : "false");
            w.WriteString(parameter.ShortTypeName);
            w.WriteEndElement();
        }

        w.WriteStartElement("dev", "type", Dev);
        w.WriteElementString("maml", "name", Maml, parameter.PSTypeName is { } typeName ? $"{parameter.FullTypeName} ({typeName})" : parameter.FullTypeName);
        w.WriteElementString("maml", "uri", Maml, string.Empty);
        w.WriteEndElement();
        w.WriteElementString("dev", "defaultValue", Dev, parameter.DefaultValue ?? (parameter.IsSwitch ? "False" : "None"));
        w.WriteEndElement();
    }

    private static string PipelineInput(ParameterInSet inSet) =>
        (inSet.ByValue, inSet.ByPropertyName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };

    /// <summary>One entry per type the pipeline can bind, saying to which parameters and how.</summary>
    private static List<(string TypeName, List<string> Notes)> InputTypes(CommandModel command, bool hasProse)
    {
        var result = new List<(string TypeName, List<string> Notes)>();
        var byValue = command.Parameters.Where(p => p.Sets.Any(s => s.ByValue)).ToList();
        foreach (ParameterModel parameter in byValue)
        {
            string typeName = parameter.PSTypeName ?? parameter.FullTypeName.TrimEnd(']').TrimEnd('[');
            result.Add((typeName, new List<string> { $"Objects piped to {command.Name} bind to -{parameter.Name}." }));
        }

        var byName = command.Parameters.Where(p => p.Sets.Any(s => s.ByPropertyName)).ToList();
        if (byName.Count > 0)
        {
            string names = string.Join(", ", byName.Select(p => p.Aliases.Count > 0 ? $"{p.Name} (or {string.Join(", ", p.Aliases)})" : p.Name));
            result.Add(("System.Management.Automation.PSObject", new List<string> { $"Piped objects with these properties bind to the parameters of the same name: {names}." }));
        }

        if (result.Count == 0)
        {
            result.Add(("None", hasProse ? new List<string>() : new List<string> { $"{command.Name} takes no pipeline input." }));
        }

        return result;
    }

    private static void TypeEntry(XmlWriter w, string element, string typeName, IEnumerable<string> description)
    {
        w.WriteStartElement("command", element, Command);
        w.WriteStartElement("dev", "type", Dev);
        w.WriteElementString("maml", "name", Maml, typeName);
        w.WriteEndElement();
        Description(w, description);
        w.WriteEndElement();
    }

    private static void Description(XmlWriter w, IEnumerable<string> paragraphs)
    {
        w.WriteStartElement("maml", "description", Maml);
        Paragraphs(w, paragraphs);
        w.WriteEndElement();
    }

    private static void Paragraphs(XmlWriter w, IEnumerable<string> paragraphs)
    {
        foreach (string paragraph in paragraphs)
        {
            w.WriteElementString("maml", "para", Maml, paragraph);
        }
    }
}
