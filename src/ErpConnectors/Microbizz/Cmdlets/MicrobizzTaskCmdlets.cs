using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Files;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>Reads tasks: by id (piped tasks, or anything with a task_ref such as assignments), or the list, filtered.</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzTask", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(MicrobizzApi.TaskType)]
public sealed class GetMicrobizzTaskCommand : GetMicrobizzTypedCmdlet
{
    internal override string ObjectName => "task";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [Alias("task_id", "task_ref")]
    [MicrobizzField("task_id")]
    public long[] Id { get; set; } = Array.Empty<long>();

    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("status")]
    [ArgumentCompleter(typeof(MicrobizzTaskStatusCompleter))]
    public string? Status { get; set; }

    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("company_ref")]
    public long? CompanyId { get; set; }

    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("foreigncompany_ref")]
    public long? ForeignCompanyId { get; set; }

    /// <summary>Returns the attachment's content (include_binary_data=1): answers can be very large.</summary>
    [Parameter]
    public SwitchParameter IncludeBinaryData { get; set; }

    internal override bool IncludeBinary => IncludeBinaryData;
}

/// <summary>Creates a task; a piped CSV row's columns (title, description, status, company_ref...) bind by name.</summary>
[Cmdlet(VerbsCommon.New, "MicrobizzTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(MicrobizzApi.TaskType)]
public sealed class NewMicrobizzTaskCommand : NewMicrobizzTypedCmdlet
{
    internal override string ObjectName => "task";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [MicrobizzField("title")]
    public string Title { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [MicrobizzField("description")]
    public string? Description { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [MicrobizzField("status")]
    [ArgumentCompleter(typeof(MicrobizzTaskStatusCompleter))]
    public string? Status { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("company_ref")]
    [EmptyAsNull]
    [MicrobizzField("company_ref")]
    [NumberText(WholeNumber = true)]
    public long? CompanyId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("foreigncompany_ref")]
    [EmptyAsNull]
    [MicrobizzField("foreigncompany_ref")]
    [NumberText(WholeNumber = true)]
    public long? ForeignCompanyId { get; set; }

    /// <summary>A file to attach: read before anything is sent, sent Base64 with a media type from its extension.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? AttachmentPath { get; set; }

    internal override bool TryAddFields(IDictionary<string, object?> fields) =>
        AttachmentPath is null || MicrobizzFile.TryAdd(this, fields, MicrobizzApi.TaskAttachment, AttachmentPath);
}

/// <summary>Changes the given fields of a task; -AttachmentPath replaces its attachment, -RemoveAttachment removes it.</summary>
[Cmdlet(VerbsCommon.Set, "MicrobizzTask", DefaultParameterSetName = "Attach", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(MicrobizzApi.TaskType)]
public sealed class SetMicrobizzTaskCommand : SetMicrobizzTypedCmdlet
{
    internal override string ObjectName => "task";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("task_id")]
    [MicrobizzField("task_id")]
    [NumberText(WholeNumber = true)]
    public long Id { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [MicrobizzField("title")]
    public string? Title { get; set; }

    [Parameter]
    [MicrobizzField("description")]
    public string? Description { get; set; }

    [Parameter]
    [MicrobizzField("status")]
    [ArgumentCompleter(typeof(MicrobizzTaskStatusCompleter))]
    public string? Status { get; set; }

    [Parameter]
    [MicrobizzField("company_ref")]
    [NumberText(WholeNumber = true)]
    public long? CompanyId { get; set; }

    [Parameter]
    [MicrobizzField("foreigncompany_ref")]
    [NumberText(WholeNumber = true)]
    public long? ForeignCompanyId { get; set; }

    [Parameter(ParameterSetName = "Attach")]
    [ValidateNotNullOrEmpty]
    public string? AttachmentPath { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "Remove")]
    public SwitchParameter RemoveAttachment { get; set; }

    internal override bool TryAddFields(IDictionary<string, object?> fields)
    {
        if (RemoveAttachment)
        {
            fields[MicrobizzApi.TaskAttachment] = MicrobizzFile.Remove();
            return true;
        }

        return AttachmentPath is null || MicrobizzFile.TryAdd(this, fields, MicrobizzApi.TaskAttachment, AttachmentPath);
    }
}

/// <summary>The file-field values the API takes: {"action":"add",filename,mimetype,binary} and {"action":"remove"}.</summary>
internal static class MicrobizzFile
{
    /// <summary>Reads the file (an error naming the path, and false, when it cannot) and adds it to <paramref name="field"/>.</summary>
    public static bool TryAdd(PSCmdlet cmdlet, IDictionary<string, object?> fields, string field, string path)
    {
        if (!LocalFile.TryRead(cmdlet, path, "Microbizz", out string fullPath, out byte[] content))
        {
            return false;
        }

        string name = Path.GetFileName(fullPath);
        fields[field] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["action"] = "add",
            ["filename"] = name,
            ["mimetype"] = MediaTypes.FromFileName(name),
            ["binary"] = Convert.ToBase64String(content),
        };
        return true;
    }

    public static Dictionary<string, object?> Remove() => new(StringComparer.Ordinal) { ["action"] = "remove" };
}
