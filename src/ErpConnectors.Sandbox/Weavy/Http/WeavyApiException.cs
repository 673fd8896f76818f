namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>One entry of an error's details: the field (or row and field) it is about, and why.</summary>
internal sealed record WeavyErrorDetail(string Field, string Message);

/// <summary>
/// Thrown anywhere in the Weavy emulation to answer with the error body
/// <c>{"error":{"code","message","details"?}}</c> (the shape is chosen: the document's is cut); the gateway
/// middleware writes it, so handlers can validate top to bottom and a failed write leaves nothing applied.
/// </summary>
internal sealed class WeavyApiException : Exception
{
    public WeavyApiException(int statusCode, string code, string message, IReadOnlyList<WeavyErrorDetail>? details = null, IReadOnlyDictionary<string, string>? headers = null)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        Details = details ?? [];
        Headers = headers ?? new Dictionary<string, string>();
    }

    public WeavyApiException()
        : this(500, WeavyErrors.InternalErrorCode, "Internal error.")
    {
    }

    public WeavyApiException(string message)
        : this(500, WeavyErrors.InternalErrorCode, message)
    {
    }

    public WeavyApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        Code = WeavyErrors.InternalErrorCode;
        Details = [];
        Headers = new Dictionary<string, string>();
    }

    public int StatusCode { get; }

    public string Code { get; }

    public IReadOnlyList<WeavyErrorDetail> Details { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }
}
