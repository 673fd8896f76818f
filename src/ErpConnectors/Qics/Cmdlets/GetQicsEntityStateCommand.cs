using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>
/// Streams EntityState records (GET /V3/odata/EntityState), narrowed on the server by data source, entity type,
/// entity id, company and error flag, across every page.
/// </summary>
[Cmdlet(VerbsCommon.Get, "QicsEntityState", SupportsPaging = true)]
[OutputType(QicsApi.EntityStateType)]
public sealed class GetQicsEntityStateCommand : QicsCmdlet
{
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? DataSource { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(QicsEntityTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string? EntityType { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long? EntityId { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public long? CompanyId { get; set; }

    /// <summary>Only failed (true) or only successful (false) attempts.</summary>
    [Parameter]
    public bool? IsError { get; set; }

    /// <summary>Any further OData $filter, ANDed with the parameters above.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    [Parameter]
    [ValidateRange(1, QicsApi.MaxPageSize)]
    public int PageSize { get; set; } = QicsApi.DefaultPageSize;

    protected override void ProcessRecord()
    {
        string? type = null;
        if (EntityType is not null && (type = QicsApi.CanonicalEntityType(EntityType)) is null)
        {
            ThrowTerminatingError(Core.Errors.ErrorMapper.InvalidArgument("Qics.InvalidEntityType", $"'{EntityType}' is not an EntityState entity type. Allowed: {string.Join(", ", QicsApi.EntityTypes)}.", EntityType));
        }

        var terms = new List<string>();
        if (DataSource is not null)
        {
            terms.Add("DataSource eq " + QicsApi.Literal(DataSource));
        }

        if (type is not null)
        {
            terms.Add("EntityType eq " + QicsApi.Literal(type));
        }

        if (EntityId is { } entityId)
        {
            terms.Add("EntityId eq " + entityId.ToString(CultureInfo.InvariantCulture));
        }

        if (CompanyId is { } companyId)
        {
            terms.Add("CompanyId eq " + companyId.ToString(CultureInfo.InvariantCulture));
        }

        if (IsError is { } isError)
        {
            terms.Add("IsError eq " + (isError ? "true" : "false"));
        }

        if (Filter is not null)
        {
            terms.Add("(" + Filter + ")");
        }

        StreamQuery(QicsApi.EntityState, terms.Count == 0 ? null : string.Join(" and ", terms), null, null, PageSize, QicsApi.TypeName(QicsApi.EntityState));
    }
}
