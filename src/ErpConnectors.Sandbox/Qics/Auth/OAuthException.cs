namespace ErpConnectors.Sandbox.Qics.Auth;

/// <summary>
/// A token endpoint error as RFC 6749 §5.2 words it: {"error","error_description"}, 400, or 401 for
/// invalid_client.
/// </summary>
internal sealed class OAuthException : Exception
{
    public OAuthException(string error, string description)
        : base(description)
    {
        Error = error;
        StatusCode = error == InvalidClient ? 401 : 400;
    }

    public OAuthException()
        : this(InvalidRequest, "The request is not valid.")
    {
    }

    public OAuthException(string message)
        : this(InvalidRequest, message)
    {
    }

    public OAuthException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = InvalidRequest;
        StatusCode = 400;
    }

    public const string InvalidRequest = "invalid_request";
    public const string InvalidClient = "invalid_client";
    public const string InvalidGrant = "invalid_grant";
    public const string UnsupportedGrantType = "unsupported_grant_type";

    public string Error { get; }

    public int StatusCode { get; }

    public static OAuthException Grant(string description) => new(InvalidGrant, description);
}
