using System.Net;
using System.Net.Http.Headers;

namespace ErpConnectors.Core.Errors;

/// <summary>What a vendor said about a failure, read from its own error shape.</summary>
internal sealed record VendorError(string Message, string? Code = null, string? RecommendedAction = null);

/// <summary>One per system: turns an error answer into the vendor's message. Null when the body is not its shape.</summary>
internal interface IErrorParser
{
    VendorError? Parse(HttpStatusCode status, string body, HttpResponseHeaders headers);
}
