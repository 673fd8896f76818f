using System;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Paging;

/// <summary>
/// Offset paging carried in a JSON body (Weavy's Select: POST with limit and offset): the body is rebuilt for
/// every page from the same criteria. Only an empty page ends the list (chosen): the guide caps a packet at 1000
/// records and the production integration sends no limit at all, so a server may answer fewer than asked while
/// rows remain; the next offset is where this page ended, whatever its size. The cost is one more call per list.
/// </summary>
internal sealed class BodyOffsetPaging : PagingStrategy
{
    private readonly Func<int, long, byte[]> _body;
    private int _limit;
    private long _offset;

    /// <param name="body">The request body for (limit, offset).</param>
    public BodyOffsetPaging(Func<int, long, byte[]> body) => _body = body;

    public override bool SupportsServerSkip => true;

    public override void First(ApiRequest request, int pageSize, long skip)
    {
        _limit = pageSize;
        _offset = skip;
        request.Body = _body(_limit, _offset);
    }

    public override bool Next(ApiRequest request, PageResult page)
    {
        if (page.Count == 0)
        {
            return false;
        }

        _offset += page.Count;
        request.Body = _body(_limit, _offset);
        return true;
    }
}
