using System;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>
/// Reads QicsMilestones entities: detail entities by id (GET /V3/odata/{Entity}({Id})), or a query on an entity,
/// usually an Overview entity (GET /V3/odata/Overview{Entity}) with OData $filter, $orderby and $select, paged
/// with $top/$skip (or the server's nextLink) until the end: never the server's silent 50-row default.
/// </summary>
[Cmdlet(VerbsCommon.Get, "QicsEntity", DefaultParameterSetName = "Query", SupportsPaging = true)]
[OutputType(QicsApi.RecordType)]
public sealed class GetQicsEntityCommand : QicsCmdlet
{
    private DisplayColumns? _columns;

    /// <summary>The entity: Customer, OverviewCustomer, Project, EntityState... (completes from the documented list).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(QicsEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    /// <summary>Primary keys of detail records (from the pipeline by property name Id).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>Records to read again, e.g. Overview rows: the key is their {Entity}Id property (CustomerId for Customer).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "Record")]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    /// <summary>An OData $filter, e.g. "City eq 'Utrecht' and IsActive eq true".</summary>
    [Parameter(ParameterSetName = "Query")]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    /// <summary>OData $orderby terms, e.g. 'Name' or 'CreatedOn desc'.</summary>
    [Parameter(ParameterSetName = "Query")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(QicsFieldCompleter))]
    public string[]? OrderBy { get; set; }

    /// <summary>Only these properties ($select).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(QicsFieldCompleter))]
    public string[]? Property { get; set; }

    /// <summary>Rows per request ($top), 1 to 1000.</summary>
    [Parameter(ParameterSetName = "Query")]
    [ValidateRange(1, QicsApi.MaxPageSize)]
    public int PageSize { get; set; } = QicsApi.DefaultPageSize;

    /// <summary>Tables show the fields asked for with -Property, else the first few, as columns.</summary>
    internal override Func<object?, object?>? OutputShape => (_columns ??= new DisplayColumns(Property)).Apply;

    protected override void ProcessRecord()
    {
        string entity = ValidateEntity(Entity);
        string typeName = QicsApi.TypeName(entity);
        if (ParameterSetName != "Query")
        {
            long[] ids = ParameterSetName == "Record" ? KeysOf(InputObject, entity) : Id;
            string? select = Property is { Length: > 0 } ? string.Join(",", Property) : null;
            ListCmdletSupport.GetEach(this, Runtime, ids, id => ApiRequest.Get(QicsApi.One(entity, id)).Add("$select", select), typeName);
            return;
        }

        StreamQuery(entity, Filter, OrderBy, Property, PageSize, typeName);
    }
}
