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

    /// <summary>Reads a failed response (it is consumed) and builds the exception to throw.</summary>
    public static async Task<ApiException> FromResponseAsync(string systemName, HttpResponseMessage response, IErrorParser? parser, string call)
    {
        string body = string.Empty;
        if (response.Content is not null)
        {
            body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        }

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

    public static ApiException FromTransport(string systemName, string call, Exception exception) => exception switch
    {
        Polly.Timeout.TimeoutRejectedException => new ApiException(systemName, $"{systemName} {call} timed out: {exception.Message}", ErrorCategory.OperationTimeout, $"{systemName}.Timeout", exception) { Call = call },
        _ => new ApiException(systemName, $"{systemName} {call} failed: {Innermost(exception).Message}", ErrorCategory.ConnectionError, $"{systemName}.ConnectionFailed", exception) { Call = call },
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
