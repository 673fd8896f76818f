using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>
/// Calls any Weavy route (relative to the host, e.g. v1/Data/DEMO/Tasks) with the connection's token, retries and
/// error handling. Answers stream record by record; Select's body paging is Get-WeavyRecord's job.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "WeavyRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(WeavyApi.RecordType)]
public sealed class InvokeWeavyRequestCommand : InvokeRequestCmdlet<WeavyConnection>
{
    protected override string SystemName => WeavyApi.SystemName;

    internal override string RecordTypeName => WeavyApi.RecordType;

    // Weavy pages in request bodies (Select), which Get-WeavyRecord does; -All here streams the one answer.
    internal override PagingStrategy PagingFor(ApiRequest request) => new SingleShotPaging();
}
