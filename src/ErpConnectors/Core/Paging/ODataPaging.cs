using System;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Paging;

/// <summary>
/// OData paging: $top and $skip chosen by the client (always sent: some servers return only a default page
/// without them), unless the server drives the paging with a nextLink in the answer, which is then followed as
/// given. Without a nextLink only an empty page ends the list (chosen): QicsMilestones' guide says paging "puts a
/// maximum on the number of objects" without naming it, so a server may cap $top silently and a short page is no
/// proof of the end. The cost is one more call per list.
/// </summary>
internal sealed class ODataPaging : PagingStrategy
{
    private readonly string _topParameter;
    private readonly string _skipParameter;
    private readonly string _nextLinkProperty;
    private long _offset;
    private bool _serverDriven;

    public ODataPaging(string topParameter, string skipParameter, string nextLinkProperty)
    {
        _topParameter = topParameter;
        _skipParameter = skipParameter;
        _nextLinkProperty = nextLinkProperty;
    }

    public override bool SupportsServerSkip => true;

    public override void First(ApiRequest request, int pageSize, long skip)
    {
        _offset = skip;
        request.Set(_topParameter, pageSize);
        if (skip > 0)
        {
            request.Set(_skipParameter, skip);
        }
    }

    public override bool Next(ApiRequest request, PageResult page)
    {
        if (page.Count == 0)
        {
            return false;
        }

        if (page.Elements.Envelope.TryGetValue(_nextLinkProperty, out object? next) && next is string link && link.Length > 0)
        {
            Uri current = page.Response.RequestMessage?.RequestUri ?? throw new InvalidOperationException("The page's request is unknown.");
            var target = new Uri(current, link); // a relative nextLink is relative to the request that returned it
            if (!request.UseAbsolute(target, current))
            {
                throw new ApiException("ErpConnectors", $"The server's nextLink '{target}' leads to another host; it is not followed, so the connection's credentials stay with its own host.", System.Management.Automation.ErrorCategory.SecurityError, "ErpConnectors.ForeignNextLink") { Target = target };
            }

            _serverDriven = true;
            return true;
        }

        // Once the server drives the paging, a page without a nextLink is its last, whatever its size.
        if (_serverDriven)
        {
            return false;
        }

        _offset += page.Count;
        request.Set(_skipParameter, _offset);
        return true;
    }
}
