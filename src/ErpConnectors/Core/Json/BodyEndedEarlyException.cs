using System.IO;

namespace ErpConnectors.Core.Json;

/// <summary>
/// The body ended cleanly in the middle of a JSON value. Without a length or chunked framing (a server that
/// closes the connection to end its answer), that is how a cut-off connection looks, so it is treated like one:
/// an I/O failure, and a page read again.
/// </summary>
internal sealed class BodyEndedEarlyException : IOException
{
    public BodyEndedEarlyException()
        : base("The response ended in the middle of a JSON value.")
    {
    }
}
