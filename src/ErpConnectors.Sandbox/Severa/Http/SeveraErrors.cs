using System.Globalization;

namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>
/// The errors the emulation raises, worded once. Status and type choices the document leaves open:
/// an unknown guid is 404 with type InvalidParameter (the table has no NotFound type, and an id that names
/// nothing is an invalid parameter), located at the route parameter; a body that is not JSON, or an unknown
/// route, is InvalidRequest ("request is invalid, for unknown reason").
/// </summary>
internal static class SeveraErrors
{
    public const string InvalidTokenMessage =
        "Authorization header is missing, given access token is not valid, wrong Client_Id or Client is not allowed to use api.";

    public const string InvalidCredentialsMessage =
        "No client id with given credentials found or client id is disabled or inactive.";

    public static SeveraApiException InvalidParameter(string? location, string message) =>
        new(400, SeveraErrorTypes.InvalidParameter, message, location);

    public static SeveraApiException InvalidParameters(IReadOnlyList<SeveraErrorDetail> details) =>
        new(400, SeveraErrorTypes.InvalidParameter, details);

    public static SeveraApiException InvalidOperation(string message) =>
        new(400, SeveraErrorTypes.InvalidOperation, message);

    public static SeveraApiException InvalidRequest(string message) =>
        new(400, SeveraErrorTypes.InvalidRequest, message);

    public static SeveraApiException NotFound(string what, Guid guid, string location = "guid") =>
        new(404, SeveraErrorTypes.InvalidParameter, string.Create(CultureInfo.InvariantCulture, $"{what} with guid '{guid:D}' was not found."), location);

    public static SeveraApiException MalformedGuid(string location, string value) =>
        InvalidParameter(location, $"The value '{value}' is not valid for {location}: a guid is expected.");

    public static SeveraApiException InvalidToken() =>
        new(401, SeveraErrorTypes.AuthenticationRequired, InvalidTokenMessage);

    public static SeveraApiException InvalidCredentials() =>
        new(401, SeveraErrorTypes.AuthenticationRequired, InvalidCredentialsMessage);

    public static SeveraApiException UnsupportedMediaType(string? contentType) =>
        new(415, SeveraErrorTypes.InvalidRequest, $"Content-Type '{contentType ?? "(none)"}' is not supported: send application/json.");

    public static Guid ParseRouteGuid(string value, string location = "guid") =>
        Guid.TryParse(value, out var guid) ? guid : throw MalformedGuid(location, value);
}
