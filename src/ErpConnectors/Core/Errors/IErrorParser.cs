using System.Net;
using System.Net.Http.Headers;

namespace ErpConnectors.Core.Errors;

/// <summary>What a vendor said about a failure, read from its own error shape.</summary>
/// <param name="Category">Overrides the category the status gives (an OAuth invalid_grant is a 400 but an authentication failure).</param>
/// <param name="Terminating">Nothing after this failure can work (a dead refresh token): stop the pipeline.</param>
internal sealed record VendorError(string Message, string? Code = null, string? RecommendedAction = null, System.Management.Automation.ErrorCategory? Category = null, bool Terminating = false);

/// <summary>One per system: turns an error answer into the vendor's message. Null when the body is not its shape.</summary>
internal interface IErrorParser
{
    VendorError? Parse(HttpStatusCode status, string body, HttpResponseHeaders headers);
}
