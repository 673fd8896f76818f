using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Http;

/// <summary>
/// A response body read behind the call's deadlines: whoever reads it (the list streamer, the record reader, the
/// error mapper, -Debug) reads through a <see cref="DeadlineStream"/>. Same headers as the body it wraps.
/// </summary>
internal sealed class DeadlineContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly CallDeadline _deadline;
    private readonly Func<CallTimeoutException, Exception> _fail;

    public DeadlineContent(HttpContent inner, CallDeadline deadline, Func<CallTimeoutException, Exception> fail)
    {
        _inner = inner;
        _deadline = deadline;
        _fail = fail;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync() =>
        new DeadlineStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _deadline, _fail);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext context)
    {
        using Stream body = await CreateContentReadStreamAsync().ConfigureAwait(false);
        await body.CopyToAsync(stream, 81920).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false; // the Content-Length header copied from the wrapped body says it when the server did
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
