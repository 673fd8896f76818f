using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Paging;

/// <summary>
/// Offset and size parameters (Severa firstRow/rowCount, Weavy offset/limit): a page shorter than asked is the
/// last one.
/// </summary>
internal sealed class OffsetPaging : PagingStrategy
{
    private readonly string _offsetParameter;
    private readonly string _sizeParameter;
    private long _offset;

    public OffsetPaging(string offsetParameter, string sizeParameter)
    {
        _offsetParameter = offsetParameter;
        _sizeParameter = sizeParameter;
    }

    public override bool SupportsServerSkip => true;

    public override void First(ApiRequest request, int pageSize, long skip)
    {
        _offset = skip;
        request.Set(_sizeParameter, pageSize);
        if (skip > 0)
        {
            request.Set(_offsetParameter, skip);
        }
    }

    public override bool Next(ApiRequest request, PageResult page)
    {
        if (page.Count < page.RequestedSize || page.Count == 0)
        {
            return false;
        }

        _offset += page.Count;
        request.Set(_offsetParameter, _offset);
        return true;
    }
}
