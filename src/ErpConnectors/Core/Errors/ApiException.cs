using System;
using System.Management.Automation;
using System.Net;

namespace ErpConnectors.Core.Errors;

/// <summary>
/// A failed call, already translated into something a person can act on: the vendor's own message, the status,
/// the category. It never carries the request, its headers or its body.
/// </summary>
internal sealed class ApiException : Exception
{
    public ApiException(string systemName, string message, ErrorCategory category, string errorId, Exception? inner = null)
        : base(message, inner)
    {
        SystemName = systemName;
        Category = category;
        ErrorId = errorId;
    }

    public string SystemName { get; }

    public ErrorCategory Category { get; }

    /// <summary>FullyQualifiedErrorId prefix, e.g. "Severa.InvalidParameter" or "Severa.404".</summary>
    public string ErrorId { get; }

    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>METHOD /path of the failed call (no query string: it may hold secrets on some systems).</summary>
    public string? Call { get; init; }

    /// <summary>Vendor error code or type when the body names one.</summary>
    public string? VendorCode { get; init; }

    public string? RecommendedAction { get; init; }

    /// <summary>The business object the call was about, when the caller knows it (an id, a batch of rows).</summary>
    public object? Target { get; set; }

    /// <summary>Authentication failed or the connection is unusable: nothing that follows can succeed.</summary>
    public bool IsTerminating { get; init; }

    /// <summary>The same failure, its message led by what it was about ("Batch 3 (rows 2001-3000): ...").</summary>
    public ApiException About(string context) =>
        new(SystemName, $"{context}: {Message}", Category, ErrorId, this)
        {
            StatusCode = StatusCode,
            Call = Call,
            VendorCode = VendorCode,
            RecommendedAction = RecommendedAction,
            Target = Target,
            IsTerminating = IsTerminating,
        };

    /// <summary>The same failure with another recommended action (a refused sign-in is about the credential).</summary>
    public ApiException WithAction(string recommendedAction) =>
        new(SystemName, Message, Category, ErrorId, InnerException)
        {
            StatusCode = StatusCode,
            Call = Call,
            VendorCode = VendorCode,
            RecommendedAction = recommendedAction,
            Target = Target,
            IsTerminating = IsTerminating,
        };

    public bool IsAuthenticationFailure => StatusCode is HttpStatusCode.Unauthorized || Category == ErrorCategory.AuthenticationError;

    public static ApiException NotConnected(string systemName) =>
        new(systemName, $"Not connected to {systemName}. Run Connect-{systemName} first, or pass a connection with -Connection.", ErrorCategory.ConnectionError, $"{systemName}.NotConnected")
        {
            IsTerminating = true,
            RecommendedAction = $"Run Connect-{systemName}.",
        };

    public static ApiException Disconnected(string systemName) =>
        new(systemName, $"This {systemName} connection was closed with Disconnect-{systemName}.", ErrorCategory.ConnectionError, $"{systemName}.Disconnected")
        {
            IsTerminating = true,
            RecommendedAction = $"Run Connect-{systemName} again.",
        };

    public static ApiException ReauthenticationImpossible() =>
        new("ErpConnectors", "The server refused the connection's token, and the connection holds no credential to authenticate again with (it was made with a token or key that has expired or been revoked). Connect again.", ErrorCategory.AuthenticationError, "ErpConnectors.TokenRefused")
        {
            StatusCode = HttpStatusCode.Unauthorized,
            IsTerminating = true,
            RecommendedAction = "Run the Connect- cmdlet again with a valid credential, token or key.",
        };

    public static ApiException SessionLost(string systemName, string call) =>
        new(systemName, $"{systemName} {call} failed: the server session ended (it expired or was logged out), and the work it held (a stateful edit) ended with it. The connection has logged in again; start the edit again.", ErrorCategory.InvalidOperation, $"{systemName}.SessionLost")
        {
            StatusCode = HttpStatusCode.Unauthorized,
            Call = call,
            RecommendedAction = "Read the record again with -Stateful and repeat the changes.",
        };

    public static ApiException InsecureTransport(Uri? uri) =>
        new("ErpConnectors", $"Refusing to send credentials to '{Http.Redactor.Address(uri)}' over plain http: use https (plain http is allowed only to this machine, e.g. the sandbox).", ErrorCategory.SecurityError, "ErpConnectors.InsecureTransport")
        {
            IsTerminating = true,
            Target = Http.Redactor.Address(uri),
        };

    /// <summary>A redirect the module does not follow (see RedirectHandler): nothing was sent to <paramref name="to"/>.</summary>
    public static ApiException RedirectRefused(string systemName, string call, int status, Uri from, Uri to, string why) =>
        new(systemName, $"{systemName} {call} was redirected ({status}) from {Http.Redactor.Address(from)} to {Http.Redactor.Address(to)}, and the module did not follow: {why}. Nothing was sent to the new address.", ErrorCategory.SecurityError, $"{systemName}.RedirectRefused")
        {
            Call = call,
            StatusCode = (HttpStatusCode)status,
            Target = Http.Redactor.Address(to),
            RecommendedAction = "If the new address is right, connect to it directly with -BaseUri; otherwise ask who runs the proxy or gateway in between why it redirects.",
        };
}
