namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>One entry of ResponseStatus.Errors: the rule that failed, the field it failed on, and why.</summary>
internal sealed record JiwaFieldError(string ErrorCode, string FieldName, string Message);

/// <summary>
/// Thrown anywhere in the Jiwa emulation to answer with ServiceStack's ResponseStatus body; the gateway
/// middleware turns it into the response, so handlers can validate top to bottom.
/// </summary>
internal sealed class JiwaApiException : Exception
{
    public JiwaApiException(int statusCode, string errorCode, string message, IReadOnlyList<JiwaFieldError>? errors = null)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Errors = errors ?? [];
    }

    public int StatusCode { get; }

    public string ErrorCode { get; }

    public IReadOnlyList<JiwaFieldError> Errors { get; }
}
