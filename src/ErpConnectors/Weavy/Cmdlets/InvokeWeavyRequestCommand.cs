using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>
/// Calls any Weavy route (relative to the host, e.g. v1/Data/DEMO/Tasks) with the connection's token, retries and
/// error handling. Answers stream record by record. (-All is for offset-paged GET routes; Select pages through
/// Get-WeavyRecord.)
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "WeavyRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(WeavyApi.RecordType)]
public sealed class InvokeWeavyRequestCommand : InvokeRequestCmdlet<WeavyConnection>
{
    protected override string SystemName => WeavyApi.SystemName;

    internal override string RecordTypeName => WeavyApi.RecordType;

    internal override PagingStrategy PagingFor(ApiRequest request) => new OffsetPaging("offset", "limit");
}
