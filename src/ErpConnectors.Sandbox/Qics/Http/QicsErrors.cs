using System.Globalization;
using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Http;

/// <summary>
/// The API errors the emulation raises, worded once. Statuses the document leaves open are chosen here:
/// a wrong or missing api-key is 403 (not 401, so a client never spends a token refresh on it: 401 means
/// exactly "the access token is not good"), a missing or malformed tenant-id 400, a tenant the user cannot
/// enter 403.
/// </summary>
internal static class QicsErrors
{
    /// <summary>The realm in WWW-Authenticate (chosen).</summary>
    public const string Realm = "QicsMilestones";

    public static QicsApiException BadRequest(string message, string? target = null) => new(400, message, target);

    public static QicsApiException NotFound(string message) => new(404, message);

    public static QicsApiException Conflict(string message, string? target = null) => new(409, message, target);

    public static QicsApiException Forbidden(string message, string? target = null) => new(403, message, target);

    public static QicsApiException UnknownProperty(EntitySchema schema, string name, string target)
    {
        var message = $"Could not find a property named '{name}' on type '{schema.QualifiedName}'.";
        if (schema.FindIgnoringCase(name) is { } near)
        {
            message += $" Property names are case-sensitive: '{near.Name}'.";
        }

        return BadRequest(message, target);
    }

    public static QicsApiException EntityNotFound(string entitySet, long key) =>
        NotFound(string.Create(CultureInfo.InvariantCulture, $"{entitySet}({key}) does not exist."));

    public static QicsApiException MethodNotAllowed(HttpContext context, IReadOnlyCollection<string> allowed, string? why = null) =>
        new(
            405,
            $"The method {context.Request.Method} is not allowed on '{context.Request.Path}'.{(why is null ? string.Empty : " " + why)} Allowed: {string.Join(", ", allowed)}.",
            headers: new Dictionary<string, string> { ["Allow"] = string.Join(", ", allowed) });

    /// <summary>
    /// 401 with WWW-Authenticate as RFC 6750 words it: no error code when no token was sent, invalid_token
    /// when the one sent is not good.
    /// </summary>
    public static QicsApiException Unauthorized(string message, bool tokenWasSent)
    {
        var challenge = tokenWasSent
            ? $"Bearer realm=\"{Realm}\", error=\"invalid_token\", error_description=\"{message.Replace("\"", "'", StringComparison.Ordinal)}\""
            : $"Bearer realm=\"{Realm}\"";
        return new QicsApiException(401, message, "Authorization", new Dictionary<string, string> { ["WWW-Authenticate"] = challenge });
    }

    public static QicsApiException UnsupportedMediaType(string? contentType) =>
        new(415, $"Content-Type '{contentType ?? "(none)"}' is not supported: send application/json.");
}
