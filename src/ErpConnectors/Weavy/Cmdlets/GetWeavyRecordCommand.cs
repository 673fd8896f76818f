using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>
/// Reads an entity's records: every page of Select (POST v1/Data/{project}/Select, offset paging, up to 1000 a
/// page), filtered on the server, or records by code (GET .../{entity}/{code}).
/// </summary>
[Cmdlet(VerbsCommon.Get, "WeavyRecord", DefaultParameterSetName = "Select", SupportsPaging = true)]
[OutputType(WeavyApi.RecordType)]
public sealed class GetWeavyRecordCommand : WeavyCmdlet
{
    private DisplayColumns? _columns;

    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(WeavyEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    /// <summary>Codes ({entity}_ID) of the records to read (from the pipeline too).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ParameterSetName = "ByCode")]
    [ValidateNotNullOrEmpty]
    public string[] Code { get; set; } = Array.Empty<string>();

    /// <summary>@{ city = 'Lyon'; revenue = @{ GreaterThan = 1000 }; status = 'A','B' }: a scalar is Equal, an array In, a hashtable names operators.</summary>
    [Parameter(ParameterSetName = "Select")]
    public Hashtable? Filter { get; set; }

    /// <summary>Combines the -Filter conditions with OR instead of AND.</summary>
    [Parameter(ParameterSetName = "Select")]
    public SwitchParameter Or { get; set; }

    /// <summary>Records changed since then (to the second, inclusive: srvDate GreaterThan a second before), ANDed with -Filter.</summary>
    [Parameter(ParameterSetName = "Select")]
    public DateTime? ChangedSince { get; set; }

    /// <summary>Only records with this export status (a srvExport Equal filter), e.g. 0 for not yet exported.</summary>
    [Parameter(ParameterSetName = "Select")]
    public int? ExportStatus { get; set; }

    /// <summary>Only these fields (returnFields); the code and srvDateUTC come along when asked for.</summary>
    [Parameter(ParameterSetName = "Select")]
    [ArgumentCompleter(typeof(WeavyFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Property { get; set; }

    [Parameter(ParameterSetName = "Select")]
    [ArgumentCompleter(typeof(WeavyFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? SortBy { get; set; }

    [Parameter(ParameterSetName = "Select")]
    public SwitchParameter Descending { get; set; }

    [Parameter(ParameterSetName = "Select")]
    [ValidateNotNullOrEmpty]
    public string? CompanyCode { get; set; }

    /// <summary>Records per Select (limit), 1 to 1000.</summary>
    [Parameter(ParameterSetName = "Select")]
    [ValidateRange(1, WeavyApi.MaxPageSize)]
    public int PageSize { get; set; } = WeavyApi.MaxPageSize;

    /// <summary>Tables show the fields asked for with -Property, else the first few, as columns.</summary>
    internal override Func<object?, object?>? OutputShape => (_columns ??= new DisplayColumns(Property)).Apply;

    protected override void ProcessRecord()
    {
        string typeName = WeavyApi.TypeName(Entity);
        if (ParameterSetName == "ByCode")
        {
            string project = Project;
            ListCmdletSupport.GetEach(this, Runtime, Code, code => ApiRequest.Get(WeavyApi.Record(project, Entity, code)), typeName);
            return;
        }

        var select = new WeavySelect(Entity)
        {
            CompanyCode = CompanyCode ?? ResolvedConnection.CompanyCode,
            ReturnFields = Property,
            SortBy = SortBy,
            Descending = Descending,
        };
        if (select.AddFilter(Filter, Or) is { } invalid)
        {
            ThrowTerminatingError(invalid);
        }

        if (ChangedSince is { } since)
        {
            select.AddCondition(WeavyApi.ChangeFilterField, WeavyApi.ChangeFilterOperator, WeavyApi.ChangeFilterValue(since));
        }

        // A filter on the record field the document names (champ "srvExport") works on every reading of Select,
        // where a top-level srvExport a server does not know would be ignored and return every record (chosen).
        if (ExportStatus is { } export)
        {
            select.AddCondition(WeavyApi.ExportField, "Equal", export);
        }

        CheckFields(Entity, select.FieldNames.Concat(Property ?? Array.Empty<string>()).Concat(SortBy ?? Array.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase));

        // Select is a read sent as POST: safe to send again after a failure.
        var request = WeavyApi.Post(WeavyApi.Select(Project), Array.Empty<byte>(), idempotent: true);
        ListCmdletSupport.Stream(this, Runtime, request, new BodyOffsetPaging(select.Body), typeName, $"Reading Weavy {Entity}", PageSize);
    }
}
