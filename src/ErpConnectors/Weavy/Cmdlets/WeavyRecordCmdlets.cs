using System;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>Creates a record (POST v1/Data/{project}/{entity}) from a piped row; never replayed once sent.</summary>
[Cmdlet(VerbsCommon.New, "WeavyRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(WeavyApi.RecordType)]
public sealed class NewWeavyRecordCommand : WeavyCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(WeavyEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    /// <summary>The record: a hashtable, an Import-Csv row or a Select-Object shape, with its {entity}_ID code.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject InputObject { get; set; } = new();

    protected override void ProcessRecord()
    {
        OrderedDictionary row = WeavyValues.Row(InputObject);
        row.Remove(WeavyApi.ChangeStampField); // server-set: a record copied from Get-WeavyRecord keeps it
        string? code = WeavyValues.CodeOf(row, Entity);
        if (code is null)
        {
            WriteError(ErrorMapper.InvalidArgument("Weavy.RowWithoutCode", $"The {Entity} record has no {WeavyApi.CodeField(Entity)}: Weavy records are keyed by the code of the source system.", InputObject));
            return;
        }

        if (ShouldProcess($"{Entity} {code}", "Create Weavy record"))
        {
            Send(new ApiRequest(HttpMethod.Post, WeavyApi.Records(Project, Entity)) { Body = JsonBody.Serialize(row) }, WeavyApi.TypeName(Entity), InputObject, emit: true);
        }
    }
}

/// <summary>
/// Changes only the given fields of a record (PUT v1/Data/{project}/{entity}/{code}, partial). The code is read
/// from piped records' {entity}_ID.
/// </summary>
[Cmdlet(VerbsCommon.Set, "WeavyRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(WeavyApi.RecordType)]
public sealed class SetWeavyRecordCommand : WeavyCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(WeavyEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    /// <summary>The record's code; read from the piped record's {entity}_ID when not given.</summary>
    [Parameter(Position = 1)]
    [ValidateNotNullOrEmpty]
    public string? Code { get; set; }

    /// <summary>The fields to change and their new values. Without it, the piped object's own fields are the new values.</summary>
    [Parameter(Position = 2)]
    public System.Collections.Hashtable? Property { get; set; }

    /// <summary>The record to change (its {entity}_ID names it), e.g. from Get-WeavyRecord or Import-Csv.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        OrderedDictionary? piped = InputObject is null ? null : WeavyValues.Row(InputObject);
        string? code = Code ?? (piped is null ? null : WeavyValues.CodeOf(piped, Entity));
        if (code is null)
        {
            WriteError(ErrorMapper.InvalidArgument("Weavy.RowWithoutCode", $"Which {Entity}? Give -Code or pipe a record with {WeavyApi.CodeField(Entity)}.", (object?)InputObject ?? Property));
            return;
        }

        OrderedDictionary fields = Property is not null ? WeavyValues.Row(Property) : piped ?? new OrderedDictionary();
        fields.Remove(WeavyApi.CodeField(Entity));
        fields.Remove(WeavyApi.ChangeStampField); // server-set
        if (fields.Count == 0)
        {
            WriteError(ErrorMapper.InvalidArgument("Weavy.NothingToChange", $"Nothing to change on {Entity} {code}: give -Property, or pipe an object with the new values.", (object?)InputObject ?? code));
            return;
        }

        if (ShouldProcess($"{Entity} {code}", "Update Weavy record"))
        {
            // A partial PUT of values gives the same record when sent twice: it may be retried.
            Send(new ApiRequest(HttpMethod.Put, WeavyApi.Record(Project, Entity, code)) { Body = JsonBody.Serialize(fields), Idempotent = true }, WeavyApi.TypeName(Entity), code, emit: PassThru);
        }
    }
}

/// <summary>Deletes records, logically unless -Physical (DELETE ...?deleteMode=Physical). Codes from piped records.</summary>
[Cmdlet(VerbsCommon.Remove, "WeavyRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = "Record")]
[OutputType(typeof(void))]
public sealed class RemoveWeavyRecordCommand : WeavyCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(WeavyEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = "ByCode")]
    [ValidateNotNullOrEmpty]
    public string[] Code { get; set; } = Array.Empty<string>();

    /// <summary>Records to delete (their {entity}_ID names them), e.g. from Get-WeavyRecord.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "Record")]
    public PSObject? InputObject { get; set; }

    /// <summary>Removes the records for good instead of marking them deleted.</summary>
    [Parameter]
    public SwitchParameter Physical { get; set; }

    protected override void ProcessRecord()
    {
        string[] codes = Code;
        if (ParameterSetName == "Record")
        {
            // A plain value piped in is a code; anything else is a record naming its code.
            string? code = InputObject?.BaseObject is string or IConvertible
                ? Convert.ToString(InputObject.BaseObject, System.Globalization.CultureInfo.InvariantCulture)
                : WeavyValues.CodeOf(WeavyValues.Row(InputObject), Entity);
            if (string.IsNullOrWhiteSpace(code))
            {
                WriteError(ErrorMapper.InvalidArgument("Weavy.RowWithoutCode", $"The piped record has no {WeavyApi.CodeField(Entity)}.", InputObject));
                return;
            }

            codes = new[] { code! };
        }

        foreach (string code in codes)
        {
            if (ShouldProcess($"{Entity} {code}", Physical ? "Delete Weavy record physically" : "Delete Weavy record"))
            {
                var request = new ApiRequest(HttpMethod.Delete, WeavyApi.Record(Project, Entity, code)).Add("deleteMode", Physical ? "Physical" : null);
                Send(request, WeavyApi.TypeName(Entity), code, emit: false);
            }
        }
    }
}
