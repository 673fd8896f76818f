using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>A cmdlet that talks to Severa through -Connection or the runspace's default Severa connection.</summary>
public abstract class SeveraCmdlet : ConnectedCmdlet<SeveraConnection>
{
    protected override string SystemName => SeveraApi.SystemName;
}

/// <summary>A Severa Get cmdlet: streams every page unless -First says otherwise.</summary>
public abstract class SeveraListCmdlet : SeveraCmdlet
{
    /// <summary>Rows per request (rowCount), 1 to 1000. Default: the list's documented maximum (100 or 1000).</summary>
    [Parameter]
    [ValidateRange(1, SeveraApi.MaxPageSize)]
    public int PageSize { get; set; }

    /// <summary>Streams a list; id lists too long for one URL (-Number (1..5000)) are read in several requests.</summary>
    internal void Stream(ApiRequest request, PagingStrategy paging, string typeName, string what, System.Func<object?, bool>? keep = null) =>
        ListCmdletSupport.StreamIdLists(this, Runtime, request, paging, typeName, $"Reading Severa {what}", IsBound(nameof(PageSize)) ? PageSize : SeveraApi.MaxRowCount(request.Path), SeveraApi.IdProperty, keep: keep);

    internal void GetByGuid(System.Guid[] guids, string collection, string typeName) =>
        ListCmdletSupport.GetEach(this, Runtime, guids, guid => ApiRequest.Get(SeveraApi.One(collection, guid)), typeName);

    internal bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);
}
