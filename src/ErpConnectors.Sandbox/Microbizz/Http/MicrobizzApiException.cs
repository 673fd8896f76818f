namespace ErpConnectors.Sandbox.Microbizz.Http;

/// <summary>
/// Thrown anywhere in the Microbizz emulation to answer <c>{"error":{"code","message"}}</c> with a status
/// (the shape is the contract's choice; the document only says "an extended error message ... as a JSON
/// document"). The gateway writes it, so a handler validates top to bottom and a refused write changes nothing.
/// </summary>
internal sealed class MicrobizzApiException : Exception
{
    public MicrobizzApiException(int statusCode, string message, IReadOnlyDictionary<string, string>? headers = null)
        : base(message)
    {
        StatusCode = statusCode;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public MicrobizzApiException()
        : this(500, "Internal error.")
    {
    }

    public MicrobizzApiException(string message)
        : this(500, message)
    {
    }

    public MicrobizzApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        Headers = new Dictionary<string, string>();
    }

    public int StatusCode { get; }

    /// <summary>The error code: the status's name (chosen), e.g. 405 → MethodNotAllowed.</summary>
    public string Code => MicrobizzErrors.CodeOf(StatusCode);

    public IReadOnlyDictionary<string, string> Headers { get; }
}
