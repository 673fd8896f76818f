using System;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace ErpConnectors.Core.Errors;

/// <summary>The one place failures become ErrorRecords: status to category, the vendor message, the target.</summary>
internal static class ErrorMapper
{
    private const int MaxBodyChars = 2000;

    public static ErrorCategory CategoryOf(HttpStatusCode status) => (int)status switch
    {
        400 or 422 => ErrorCategory.InvalidArgument,
        401 => ErrorCategory.AuthenticationError,
        403 => ErrorCategory.PermissionDenied,
        404 or 410 => ErrorCategory.ObjectNotFound,
        405 => ErrorCategory.InvalidOperation,
        408 => ErrorCategory.OperationTimeout,
        409 or 412 => ErrorCategory.InvalidOperation,
        413 => ErrorCategory.LimitsExceeded,
        429 => ErrorCategory.LimitsExceeded,
        501 => ErrorCategory.NotImplemented,
        >= 500 => ErrorCategory.ResourceUnavailable,
        _ => ErrorCategory.NotSpecified,
    };

    /// <summary>
    /// Reads a failed response (only its first <see cref="ErrorBody.Cap"/> bytes: the rest is left unread and goes
    /// when the caller disposes the response) and builds the exception to throw.
    /// </summary>
    /// <param name="redact">Masks what the request carried (secrets a gateway may echo) before the body is used at all.</param>
    public static async Task<ApiException> FromResponseAsync(string systemName, HttpResponseMessage response, IErrorParser? parser, string call, Func<string, string>? redact = null)
    {
        string body = await ErrorBody.ReadAsync(response.Content).ConfigureAwait(false);

        body = redact?.Invoke(body) ?? body;

        HttpStatusCode status = response.StatusCode;
        VendorError? vendor = null;
        try
        {
            vendor = parser?.Parse(status, body, response.Headers);
        }
        catch (Exception ex) when (ex is FormatException || ex is System.Text.Json.JsonException)
        {
            // Not the vendor's shape after all (a truncated body, a proxy's page): fall back to the raw text.
        }

        string message = vendor?.Message is { Length: > 0 } said
            ? said
            : body.Trim() is { Length: > 0 } text && !text.StartsWith("<", StringComparison.Ordinal)
                ? Truncate(text)
                : $"{(int)status} {response.ReasonPhrase}";
        return new ApiException(
            systemName,
            $"{systemName} {call} failed ({(int)status} {response.ReasonPhrase}): {message}",
            vendor?.Category ?? CategoryOf(status),
            $"{systemName}.{ErrorIdOf(status, vendor)}")
        {
            StatusCode = status,
            Call = call,
            VendorCode = vendor?.Code,
            RecommendedAction = vendor?.RecommendedAction ?? DefaultAction(status, systemName),
            IsTerminating = status == HttpStatusCode.Unauthorized || vendor?.Terminating == true,
        };
    }

    /// <param name="mayHaveApplied">A write: after a timeout nobody knows whether the server applied it, and it is not sent again.</param>
    public static ApiException FromTransport(string systemName, string call, Exception exception, bool mayHaveApplied = false) => exception switch
    {
        TimeoutException or Polly.Timeout.TimeoutRejectedException => new ApiException(systemName, $"{systemName} {call} timed out: {exception.Message}{(mayHaveApplied ? MayHaveApplied : string.Empty)}", ErrorCategory.OperationTimeout, $"{systemName}.Timeout", exception)
        {
            Call = call,
            RecommendedAction = mayHaveApplied
                ? "Read the record again (the matching Get- cmdlet, or Invoke-*Request -Method GET) to see whether the change is there before you send it again."
                : "Try again later; if the server is known to be slow, raise -IdleTimeoutSec or -RequestTimeoutSec on Connect-*.",
        },
        _ => new ApiException(systemName, $"{systemName} {call} failed: {Innermost(exception).Message}", ErrorCategory.ConnectionError, $"{systemName}.ConnectionFailed", exception) { Call = call },
    };

    private const string MayHaveApplied = ". The server may have applied it before it stopped answering; it was not sent again, so that it is not applied twice. Read the record again to see whether the change is there before you repeat it.";

    /// <summary>
    /// A success status whose body is not what the route promises (a proxy's HTML sign-in page, text, a broken or
    /// absurdly nested JSON): never believed as a record.
    /// </summary>
    public static ApiException UnexpectedBody(string systemName, string call, HttpStatusCode status, string? contentType, string excerpt, string problem, Exception? inner = null)
    {
        string type = string.IsNullOrEmpty(contentType) ? "no content type" : contentType!;
        string shown = excerpt.Length == 0 ? "(empty body)" : $"'{excerpt}'";
        return new ApiException(
            systemName,
            $"{systemName} {call} answered {(int)status} with {type}, not the JSON this call expects: {problem}. The body begins: {shown}",
            ErrorCategory.InvalidResult,
            $"{systemName}.UnexpectedResponse",
            inner)
        {
            StatusCode = status,
            Call = call,
            RecommendedAction = $"Something other than {systemName} may have answered (a proxy's or gateway's sign-in or error page): check the base URI and the network path, then try again.",
        };
    }

    /// <summary>A page whose body broke off on every attempt to read it: the list ends here, with what came before it written.</summary>
    public static ApiException PageBrokenOff(string systemName, string call, int page, long rowsBefore, int attempts, Exception inner) =>
        new(systemName, $"{systemName} {call}: page {page} (after {rowsBefore} rows) broke off before its end {attempts} times in a row, so the list ends here: {Innermost(inner).Message}", ErrorCategory.ConnectionError, $"{systemName}.PageBrokenOff", inner)
        {
            Call = call,
            RecommendedAction = "The rows written so far are complete and in order; run the command again (with -Skip to continue) once the network is stable.",
        };

    public static ErrorRecord ToErrorRecord(ApiException exception, object? target = null)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, exception.Category, target ?? exception.Target)
        {
            ErrorDetails = new ErrorDetails(exception.Message),
        };
        if (exception.RecommendedAction is { } action)
        {
            record.ErrorDetails.RecommendedAction = action;
        }

        return record;
    }

    /// <summary>For bad input found before anything is sent: the offending value is the target.</summary>
    public static ErrorRecord InvalidArgument(string errorId, string message, object? offendingValue) =>
        new(new ArgumentException(message), errorId, ErrorCategory.InvalidArgument, offendingValue)
        {
            ErrorDetails = new ErrorDetails(message),
        };

    // A 404 is NotFound whatever the vendor calls it (Severa answers a missing guid with type InvalidParameter): a
    // script tells "no such record" from "bad input" by the id. The vendor's own code stays in VendorCode.
    private static string ErrorIdOf(HttpStatusCode status, VendorError? vendor) =>
        status == HttpStatusCode.NotFound ? "NotFound" : vendor?.Code ?? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? DefaultAction(HttpStatusCode status, string systemName) => (int)status switch
    {
        401 => $"Check the credential and run Connect-{systemName} again.",
        403 => "Ask for a credential (or scopes) that allow this operation.",
        429 => "The server's quota was exceeded even after retries; wait and try again.",
        _ => null,
    };

    private static string Truncate(string text) => text.Length <= MaxBodyChars ? text : text.Substring(0, MaxBodyChars) + "...";

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
