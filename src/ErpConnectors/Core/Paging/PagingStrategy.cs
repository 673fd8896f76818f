using System.Net.Http;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Paging;

/// <summary>What one page said, for deciding on the next.</summary>
internal sealed class PageResult
{
    public PageResult(HttpResponseMessage response, JsonElementStream elements, int count, int requestedSize)
    {
        Response = response;
        Elements = elements;
        Count = count;
        RequestedSize = requestedSize;
    }

    public HttpResponseMessage Response { get; }

    /// <summary>The page's envelope (Total, nextLink) is in <see cref="JsonElementStream.Envelope"/>.</summary>
    public JsonElementStream Elements { get; }

    public int Count { get; }

    public int RequestedSize { get; }
}

/// <summary>
/// One paging style. The pager asks it to shape the first request, then, after each page, to shape the next
/// one or say that the list has ended.
/// </summary>
internal abstract class PagingStrategy
{
    /// <summary>Whether the server can skip rows itself (otherwise the pager discards them).</summary>
    public virtual bool SupportsServerSkip => false;

    public abstract void First(ApiRequest request, int pageSize, long skip);

    /// <summary>
    /// Shapes the next request from the answer's headers alone, before its body is read, so the next page can be
    /// requested while this one is still being converted. Null when the body must be read first.
    /// </summary>
    public virtual bool? NextFromHeaders(ApiRequest request, System.Net.Http.HttpResponseMessage response) => null;

    /// <summary>The number of records in the whole list, when the answer says (AutoQuery's Total); else null.</summary>
    public virtual long? TotalOf(JsonElementStream elements) => null;

    /// <returns>False when the list has ended.</returns>
    public abstract bool Next(ApiRequest request, PageResult page);
}
