using System;
using System.Globalization;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Paging;

/// <summary>
/// Offset and size parameters (Severa firstRow/rowCount, Weavy offset/limit, Jiwa AutoQuery Skip/Take). Without a
/// total, a page shorter than asked is the last one. With a total property (AutoQuery's Total, asked for with
/// Include=Total), paging follows the total instead: such servers cap the page size silently, so a short page
/// is not the end; only reaching the total, or an empty page, is. Without a total and with
/// <c>shortPageEnds</c> false, only an empty page ends the list (for servers that may cap a page below the size asked).
/// </summary>
internal sealed class OffsetPaging : PagingStrategy
{
    private readonly string _offsetParameter;
    private readonly string _sizeParameter;
    private readonly string? _totalProperty;
    private readonly Action<ApiRequest>? _askForTotal;
    private readonly bool _shortPageEnds;
    private long _offset;

    public OffsetPaging(string offsetParameter, string sizeParameter, string? totalProperty = null, Action<ApiRequest>? askForTotal = null, bool shortPageEnds = true)
    {
        _shortPageEnds = shortPageEnds;
        _offsetParameter = offsetParameter;
        _sizeParameter = sizeParameter;
        _totalProperty = totalProperty;
        _askForTotal = askForTotal;
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

        _askForTotal?.Invoke(request);
    }

    public override long? TotalOf(JsonElementStream elements) =>
        _totalProperty is not null && elements.Envelope.TryGetValue(_totalProperty, out object? total) && total is not null
            ? Convert.ToInt64(total, CultureInfo.InvariantCulture)
            : null;

    public override bool Next(ApiRequest request, PageResult page)
    {
        if (page.Count == 0)
        {
            return false;
        }

        _offset += page.Count;
        if (_totalProperty is not null && page.Elements.Envelope.TryGetValue(_totalProperty, out object? total) && total is not null)
        {
            if (_offset >= Convert.ToInt64(total, CultureInfo.InvariantCulture))
            {
                return false;
            }
        }
        else if (_shortPageEnds && page.Count < page.RequestedSize)
        {
            return false;
        }

        request.Set(_offsetParameter, _offset);
        return true;
    }
}
