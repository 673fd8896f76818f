using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>
/// Calls any Severa route with the connection's token, pacing and retries. -All follows NextPageToken, or firstRow
/// when the query names it (row-paged routes).
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "SeveraRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(SeveraApi.RecordType)]
public sealed class InvokeSeveraRequestCommand : InvokeRequestCmdlet<SeveraConnection>
{
    protected override string SystemName => SeveraApi.SystemName;

    internal override string RecordTypeName => SeveraApi.RecordType;

    internal override PagingStrategy PagingFor(ApiRequest request) =>
        request.GetQueryValue("firstRow") is not null ? SeveraApi.RowPaging() : SeveraApi.TokenPaging();
}
