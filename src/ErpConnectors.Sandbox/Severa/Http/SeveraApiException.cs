namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>One entry of error.details: a message and, for validation errors, the path of the offending value.</summary>
internal sealed record SeveraErrorDetail(string Message, string? Location = null);

/// <summary>
/// Thrown anywhere in the Severa emulation to answer with the vendor's error body; the gateway middleware turns
/// it into the response, so handlers can validate top to bottom.
/// </summary>
internal sealed class SeveraApiException : Exception
{
    public SeveraApiException(int statusCode, string type, IReadOnlyList<SeveraErrorDetail> details, IReadOnlyDictionary<string, string>? headers = null)
        : base(details.Count > 0 ? details[0].Message : type)
    {
        StatusCode = statusCode;
        Type = type;
        Details = details;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public SeveraApiException(int statusCode, string type, string message, string? location = null)
        : this(statusCode, type, [new SeveraErrorDetail(message, location)])
    {
    }

    public SeveraApiException()
        : this(500, SeveraErrorTypes.InternalSystemError, "Internal error.")
    {
    }

    public SeveraApiException(string message)
        : this(500, SeveraErrorTypes.InternalSystemError, message)
    {
    }

    public SeveraApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        Type = SeveraErrorTypes.InternalSystemError;
        Details = [new SeveraErrorDetail(message)];
        Headers = new Dictionary<string, string>();
    }

    public int StatusCode { get; }

    public string Type { get; }

    public IReadOnlyList<SeveraErrorDetail> Details { get; }

    /// <summary>Extra response headers, e.g. X-Accepted-OAuth-Scopes.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }
}
