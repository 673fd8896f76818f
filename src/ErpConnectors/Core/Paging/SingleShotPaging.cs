using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Paging;

/// <summary>An unpaged list: one answer holds everything (it is still streamed element by element).</summary>
internal sealed class SingleShotPaging : PagingStrategy
{
    public static readonly SingleShotPaging Instance = new();

    public override void First(ApiRequest request, int pageSize, long skip)
    {
    }

    public override bool Next(ApiRequest request, PageResult page) => false;
}
