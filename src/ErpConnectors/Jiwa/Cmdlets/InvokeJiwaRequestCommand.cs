using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Calls any Jiwa route with the connection's session or key, retries and error handling. -All pages an
/// AutoQuery list (Skip/Take, following Total) and streams its Results; -Stateful sends the jiwa-stateful header.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "JiwaRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(JiwaTypeNames.Record)]
public sealed class InvokeJiwaRequestCommand : InvokeRequestCmdlet<JiwaConnection>
{
    /// <summary>Sends jiwa-stateful: true (the server keeps the record in the session until .../Save or .../Abandon).</summary>
    [Parameter]
    public SwitchParameter Stateful { get; set; }

    protected override string SystemName => JiwaApi.SystemName;

    internal override string RecordTypeName => JiwaTypeNames.Record;

    internal override string? ArrayProperty => JiwaApi.ResultsProperty;

    internal override PagingStrategy PagingFor(ApiRequest request) => JiwaApi.AutoQueryPaging();

    internal override void Shape(ApiRequest request) => JiwaApi.MarkStatefulEnd(JiwaApi.MarkStateful(request, Stateful));
}
