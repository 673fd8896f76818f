using System.Globalization;
using System.Text.RegularExpressions;

namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>The errors the Jiwa emulation raises, worded once.</summary>
internal static partial class JiwaErrors
{
    public const string NotAuthenticatedMessage = "Not Authenticated";
    public const string InvalidCredentialsMessage = "Invalid UserName or Password";
    public const string ApiKeyRevokedMessage = "The API key is expired or revoked";
    public const string ConcurrencyMessage = "The record was changed by another user since it was read";

    public static JiwaApiException NotAuthenticated() => new(401, JiwaErrorCodes.Unauthorized, NotAuthenticatedMessage);

    public static JiwaApiException InvalidCredentials() => new(401, JiwaErrorCodes.Unauthorized, InvalidCredentialsMessage);

    public static JiwaApiException ApiKeyRevoked() => new(401, JiwaErrorCodes.Unauthorized, ApiKeyRevokedMessage);

    /// <summary>"Debtor with DebtorID 'x' not found": the record named by a route or by a reference in a body.</summary>
    public static JiwaApiException RecordNotFound(string what, string keyName, string value) =>
        new(404, JiwaErrorCodes.RecordNotFound, $"{what} with {keyName} '{value}' not found");

    /// <summary>Save or Abandon of a record this caller holds no stateful copy of.</summary>
    public static JiwaApiException NotHeld(string what, string keyName, string value) =>
        new(404, JiwaErrorCodes.RecordNotFound, $"No stateful {what} with {keyName} '{value}' is held for this session or API key: read it with the jiwa-stateful header first");

    public static JiwaApiException Concurrency() => new(409, JiwaErrorCodes.ConcurrencyConflict, ConcurrencyMessage);

    public static JiwaApiException DebtorOnHold(string accountNo, string what) =>
        new(409, JiwaErrorCodes.DebtorOnHold, $"Debtor {accountNo} is on hold: a {what} cannot be created for it");

    public static JiwaApiException DuplicateAccountNo(string accountNo) =>
        new(409, JiwaErrorCodes.DuplicateRecord, $"Another debtor already has the AccountNo '{accountNo}'");

    /// <summary>
    /// A validation failure as ServiceStack answers one: the first error's code and message on top, every error
    /// in Errors.
    /// </summary>
    public static JiwaApiException Validation(IReadOnlyList<JiwaFieldError> errors) =>
        new(400, errors[0].ErrorCode, errors[0].Message, errors);

    public static JiwaFieldError Empty(string field) =>
        new(JiwaErrorCodes.NotEmpty, field, $"'{Label(field)}' must not be empty.");

    public static JiwaFieldError NotPositive(string field) =>
        new(JiwaErrorCodes.GreaterThan, field, $"'{Label(field)}' must be greater than '0'.");

    public static JiwaFieldError Negative(string field) =>
        new(JiwaErrorCodes.GreaterThanOrEqual, field, $"'{Label(field)}' must be greater than or equal to '0'.");

    public static JiwaFieldError BadValue(string field, string value, string expected) =>
        new(JiwaErrorCodes.Serialization, field, $"'{value}' is an Invalid value for '{field}': {expected}");

    /// <summary>ServiceStack's answer when a request cannot be bound to its DTO (a body or query value of the wrong type).</summary>
    public static JiwaApiException Binding(string requestName, IReadOnlyList<JiwaFieldError> errors) =>
        new(400, JiwaErrorCodes.Serialization, $"Unable to bind to request '{requestName}'", errors);

    public static JiwaApiException Argument(string field, string message) =>
        new(400, JiwaErrorCodes.Argument, message, [new JiwaFieldError(JiwaErrorCodes.Argument, field, message)]);

    public static JiwaApiException InvalidJson(string detail) =>
        new(400, JiwaErrorCodes.Serialization, $"Could not deserialize 'application/json' request: {detail}");

    public static JiwaApiException UnsupportedMediaType(string? contentType) =>
        new(415, JiwaErrorCodes.UnsupportedMediaType, $"Content-Type '{contentType}' is not supported: send application/json");

    public static JiwaApiException NotAcceptable(string format) =>
        new(406, JiwaErrorCodes.NotAcceptable, $"format={format} is not available: the sandbox answers JSON only");

    public static JiwaApiException NoRoute(string method, string path) =>
        new(404, JiwaErrorCodes.NotFound, $"Handler for Request not found: {method} {path}");

    public static JiwaApiException MethodNotAllowed(string method, string path) =>
        new(405, JiwaErrorCodes.MethodNotAllowed, $"The method {method} is not allowed on '{path}'");

    public static JiwaApiException UnknownAuthProvider(string provider) =>
        new(404, JiwaErrorCodes.NotFound, $"No configuration was added for OAuth provider '{provider}'");

    /// <summary>The status an injected fault answers, worded like the server's own errors.</summary>
    public static JiwaApiException Fault(int statusCode) => statusCode switch
    {
        401 => NotAuthenticated(),
        429 => new(429, JiwaErrorCodes.TooManyRequests, "Too many requests (injected fault)"),
        >= 500 => new(statusCode, JiwaErrorCodes.InternalServerError, "An internal error occurred (injected fault)"),
        _ => new(statusCode, ReasonCode(statusCode), "The request failed (injected fault)"),
    };

    /// <summary>FluentValidation's label for a property: "Lines[0].QuantityOrdered" → "Quantity Ordered".</summary>
    public static string Label(string field)
    {
        var last = field[(field.LastIndexOf('.') + 1)..];
        return WordStart().Replace(last, " $1");
    }

    private static string ReasonCode(int statusCode)
    {
        var phrase = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(statusCode);
        return phrase.Length == 0 ? statusCode.ToString(CultureInfo.InvariantCulture) : phrase.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex WordStart();
}
