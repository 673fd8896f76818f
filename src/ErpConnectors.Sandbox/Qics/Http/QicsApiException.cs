using Microsoft.AspNetCore.WebUtilities;

namespace ErpConnectors.Sandbox.Qics.Http;

/// <summary>
/// Thrown anywhere in the Qics API emulation to answer with an OData error body
/// <c>{"error":{"code","message","target"?}}</c>; the gateway middleware writes it, so handlers can validate
/// top to bottom. The code is the status's reason phrase without spaces (BadRequest, NotFound, ...), chosen:
/// the vendor document shows no error body, and that is what ASP.NET OData answers.
/// </summary>
internal sealed class QicsApiException : Exception
{
    public QicsApiException(int statusCode, string message, string? target = null, IReadOnlyDictionary<string, string>? headers = null)
        : base(message)
    {
        StatusCode = statusCode;
        Target = target;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public QicsApiException()
        : this(500, "Internal error.")
    {
    }

    public QicsApiException(string message)
        : this(500, message)
    {
    }

    public QicsApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 500;
        Headers = new Dictionary<string, string>();
    }

    public int StatusCode { get; }

    /// <summary>What the error is about: a property, a query option or a header name.</summary>
    public string? Target { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Code => CodeFor(StatusCode);

    public static string CodeFor(int statusCode)
    {
        var phrase = ReasonPhrases.GetReasonPhrase(statusCode);
        return phrase.Length == 0 ? "Error" : phrase.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
    }
}
