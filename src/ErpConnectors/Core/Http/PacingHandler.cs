using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Http;

/// <summary>
/// Innermost handler: every attempt, replay and token call waits for the pacer, because the server's quota
/// counts each of them. (Placed inside the retry handler for that reason, not outside it.)
/// </summary>
internal sealed class PacingHandler : DelegatingHandler
{
    private readonly SlidingWindowPacer? _pacer;

    public PacingHandler(SlidingWindowPacer? pacer) => _pacer = pacer;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_pacer is not null)
        {
            await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
