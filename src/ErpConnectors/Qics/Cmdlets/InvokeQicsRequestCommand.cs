using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>
/// Calls any QicsMilestones route (relative to the API root, e.g. V3/odata/Customer(5)) with the connection's
/// token, api-key, tenant-id, retries and error handling. -All pages an OData query ($top/$skip or nextLink) and
/// streams the rows of its value array.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "QicsRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(QicsApi.RecordType)]
public sealed class InvokeQicsRequestCommand : InvokeRequestCmdlet<QicsConnection>
{
    protected override string SystemName => QicsApi.SystemName;

    internal override string RecordTypeName => QicsApi.RecordType;

    internal override string? ArrayProperty => QicsApi.ValueProperty;

    internal override PagingStrategy PagingFor(ApiRequest request) => QicsApi.Paging();
}
