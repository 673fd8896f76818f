using System.Linq;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Paging;

/// <summary>
/// A cursor in a response header, sent back as a query parameter (Severa: NextPageToken → pageToken). No header
/// means the last page. The cursor is bound to the other query parameters, which therefore never change.
/// </summary>
internal sealed class HeaderTokenPaging : PagingStrategy
{
    private readonly string _sizeParameter;
    private readonly string _header;
    private readonly string _tokenParameter;

    public HeaderTokenPaging(string sizeParameter, string header, string tokenParameter)
    {
        _sizeParameter = sizeParameter;
        _header = header;
        _tokenParameter = tokenParameter;
    }

    public override void First(ApiRequest request, int pageSize, long skip) => request.Set(_sizeParameter, pageSize);

    public override bool Next(ApiRequest request, PageResult page) =>
        page.Count > 0 && NextFromHeaders(request, page.Response) == true;

    public override bool? NextFromHeaders(ApiRequest request, System.Net.Http.HttpResponseMessage response)
    {
        string? token = response.Headers.TryGetValues(_header, out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        request.Set(_tokenParameter, token);
        return true;
    }
}
