using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>
/// Creates missing user accounts and sets the status of existing ones (POST v1/Data/{project}/Users). An existing
/// account only changes status; when no licence is left, an account asked to be Active becomes Disabled (set
/// others to Disabled to free licences). Rows bind by property name and go in calls of up to 1000.
/// </summary>
[Cmdlet(VerbsCommon.Set, "WeavyUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(WeavyApi.RecordType)]
public sealed class SetWeavyUserCommand : WeavyBatchCmdlet<OrderedDictionary>
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Login { get; set; } = string.Empty;

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Name { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Email { get; set; }

    /// <summary>Active, Disabled...</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Status { get; set; } = string.Empty;

    internal override int Size => WeavyApi.MaxBatchSize;

    protected override void ProcessRecord() =>
        Add(new OrderedDictionary { ["login"] = Login, ["name"] = Name, ["email"] = Email, ["status"] = Status }, Login);

    internal override void Send(int number, long first, IReadOnlyList<OrderedDictionary> users, object[] inputs)
    {
        if (!ShouldProcess($"{users.Count} account(s): {string.Join(", ", users.Select(u => u["login"]))}", "Create or set the status of Weavy user accounts"))
        {
            return;
        }

        // Setting the same statuses twice gives the same accounts: safe to send again.
        Send(WeavyApi.Post($"v1/Data/{WeavyApi.Escape(Project)}/Users", JsonBody.Serialize(users.ToList()), idempotent: true), WeavyApi.TypeName("baseuser"), inputs, emit: true);
    }
}

/// <summary>
/// Asks the server to run processing tasks ("Event" tasks) by code (POST v1/Data/{project}/Tasks). A task already
/// pending is not created again, nor is a code given twice; what comes back is the tasks actually created.
/// </summary>
[Cmdlet(VerbsLifecycle.Start, "WeavyTask", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(WeavyApi.RecordType)]
public sealed class StartWeavyTaskCommand : WeavyBatchCmdlet<string>
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Code { get; set; } = Array.Empty<string>();

    internal override int Size => WeavyApi.MaxBatchSize;

    protected override void ProcessRecord()
    {
        foreach (string code in Code)
        {
            Add(code, code);
        }
    }

    internal override void Send(int number, long first, IReadOnlyList<string> codes, object[] inputs)
    {
        if (ShouldProcess(string.Join(", ", codes), "Start Weavy tasks"))
        {
            // Not replayed: the server decides what is created, and a lost answer would hide it.
            Send(WeavyApi.Post($"v1/Data/{WeavyApi.Escape(Project)}/Tasks", JsonBody.Serialize(codes.ToList()), idempotent: false), WeavyApi.TypeName("task"), inputs, emit: true);
        }
    }
}

/// <summary>Merges one record into another (POST v1/data/{project}/{entity}/mergeData): the source goes, the target stays.</summary>
[Cmdlet(VerbsData.Merge, "WeavyRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(WeavyApi.RecordType)]
public sealed class MergeWeavyRecordCommand : WeavyCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(WeavyEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    /// <summary>The code of the record merged away.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Source { get; set; } = string.Empty;

    /// <summary>The code of the record that remains.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Target { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        if (string.Equals(Source, Target, StringComparison.OrdinalIgnoreCase))
        {
            WriteError(ErrorMapper.InvalidArgument("Weavy.MergeIntoItself", $"{Entity} {Source} cannot be merged into itself.", Source));
            return;
        }

        if (ShouldProcess($"{Entity} {Source} into {Target}", "Merge Weavy records"))
        {
            var body = JsonBody.Serialize(new OrderedDictionary { ["sourceCode"] = Source, ["targetCode"] = Target });
            Send(WeavyApi.Post($"v1/data/{WeavyApi.Escape(Project)}/{WeavyApi.Escape(Entity)}/mergeData", body, idempotent: false), WeavyApi.TypeName(Entity), Source, emit: true);
        }
    }
}

/// <summary>
/// Queues a report for generation and sending (POST v1/data/{project}/outbox/report/?eventActionCode=...), with
/// every field the document lists, attachments included.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "WeavyReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(WeavyApi.RecordType)]
public sealed class SendWeavyReportCommand : WeavyCmdlet
{
    [Parameter(Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string EventActionCode { get; set; } = string.Empty;

    /// <summary>The outbox code (baseOutbox_ID).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string OutboxCode { get; set; } = string.Empty;

    /// <summary>The report (confreport_ID, as defined in the confreport entity).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string ReportCode { get; set; } = string.Empty;

    /// <summary>The code of the record the report is generated from (rowID).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string RowCode { get; set; } = string.Empty;

    /// <summary>The entity of that record (sourceEntity).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string SourceEntity { get; set; } = string.Empty;

    /// <summary>The user the outbox belongs to (baseUser_ID).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string UserCode { get; set; } = string.Empty;

    /// <summary>fromArchive: 1 = from the archive when there, 2 = always generated anew (the document's values).</summary>
    [Parameter]
    [ValidateSet("1", "2")]
    public string? FromArchive { get; set; }

    /// <summary>Copies to print (0 = no print request).</summary>
    [Parameter]
    [ValidateRange(0, 1000)]
    [NumberText(WholeNumber = true)]
    public int? Print { get; set; }

    [Parameter]
    public string? Subject { get; set; }

    [Parameter]
    public string? Body { get; set; }

    /// <summary>The message body is HTML.</summary>
    [Parameter]
    public SwitchParameter BodyAsHtml { get; set; }

    [Parameter]
    public string? FileName { get; set; }

    /// <summary>Relative path where the file is generated (pathExport).</summary>
    [Parameter]
    public string? ExportPath { get; set; }

    [Parameter]
    public string[]? To { get; set; }

    [Parameter]
    public string[]? ReplyTo { get; set; }

    /// <summary>Documents to attach: hashtables with entity, dataColumn, rowID, name, mimeType.</summary>
    [Parameter]
    public System.Collections.Hashtable[]? Attachment { get; set; }

    protected override void ProcessRecord()
    {
        var body = new OrderedDictionary
        {
            ["baseOutbox_ID"] = OutboxCode,
            ["confreport_ID"] = ReportCode,
            ["rowID"] = RowCode,
            ["sourceEntity"] = SourceEntity,
            ["baseUser_ID"] = UserCode,
        };
        void Optional(string name, object? value)
        {
            if (value is not null)
            {
                body[name] = value;
            }
        }

        Optional("fromArchive", FromArchive);
        Optional("print", Print);
        Optional("messageSubject", Subject);
        Optional("messageBody", Body);
        Optional("isBodyHtml", BodyAsHtml ? "1" : null);
        Optional("filename", FileName);
        Optional("pathExport", ExportPath);
        Optional("emailto", To);
        Optional("replyto", ReplyTo);
        if (Attachment is { Length: > 0 })
        {
            string[] required = { "entity", "dataColumn", "rowID", "name", "mimeType" };
            foreach (var attachment in Attachment)
            {
                string? missing = required.FirstOrDefault(k => !attachment.ContainsKey(k) || attachment[k] is null);
                if (missing is not null)
                {
                    WriteError(ErrorMapper.InvalidArgument("Weavy.InvalidAttachment", $"An attachment needs {string.Join(", ", required)}; this one has no {missing}.", attachment));
                    return;
                }
            }

            body["attachments"] = Attachment.Select(WeavyValues.Row).ToList();
        }

        if (ShouldProcess($"report {ReportCode} for {SourceEntity} {RowCode}", "Queue Weavy report"))
        {
            var request = WeavyApi.Post($"v1/data/{WeavyApi.Escape(Project)}/outbox/report/", JsonBody.Serialize(body), idempotent: false).Add("eventActionCode", EventActionCode);
            Send(request, WeavyApi.RecordType, RowCode, emit: true);
        }
    }
}
