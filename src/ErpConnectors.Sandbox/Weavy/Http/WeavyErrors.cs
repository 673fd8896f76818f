using System.Globalization;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>
/// Every error the emulation answers, worded once, with its status and code. The codes are chosen (the
/// document's error section is cut): one per kind of mistake, so a client can tell them apart without reading
/// the message.
/// </summary>
internal static class WeavyErrors
{
    public const string InvalidRequestCode = "InvalidRequest";
    public const string InternalErrorCode = "InternalError";

    public static WeavyApiException InvalidRequest(string message, string? field = null) =>
        new(400, InvalidRequestCode, message, field is null ? null : [new WeavyErrorDetail(field, message)]);

    /// <summary>A value not in its field's format, or otherwise not acceptable, at a place in the body.</summary>
    public static WeavyApiException InvalidValue(string field, string message) =>
        new(400, "InvalidValue", $"{field}: {message}.", [new WeavyErrorDetail(field, message)]);

    /// <summary>An entity named in a body (400) or a route (404) that the dictionary does not hold.</summary>
    public static WeavyApiException UnknownEntity(string name, string? field = null, int status = 400)
    {
        var message = $"The entity '{name}' does not exist in project {SandboxCredentials.WeavyProjectCode}.";
        if (WeavyDictionary.FindIgnoringCase(name) is { } near)
        {
            message += $" Entity names are case-sensitive: '{near.Name}'.";
        }

        return new(status, "UnknownEntity", message, field is null ? null : [new WeavyErrorDetail(field, message)]);
    }

    public static WeavyApiException UnknownField(EntityDefinition entity, string name, string field)
    {
        var message = $"The field '{name}' does not exist on entity '{entity.Name}'.";
        if (entity.FindIgnoringCase(name) is { } near)
        {
            message += $" Field names are case-sensitive: '{near.Name}'.";
        }

        return new(400, "UnknownField", message, [new WeavyErrorDetail(field, message)]);
    }

    public static WeavyApiException UnknownOperator(string name, string field) =>
        new(400, "UnknownOperator", $"The operator '{name}' does not exist. Operators: {string.Join(", ", Select.SelectOperators.Names)}.", [new WeavyErrorDetail(field, $"unknown operator '{name}'")]);

    public static WeavyApiException LimitExceeded(string field, int given, int max) =>
        new(400, "LimitExceeded", string.Create(CultureInfo.InvariantCulture, $"{field} is {given}: at most {max} per call."), [new WeavyErrorDetail(field, string.Create(CultureInfo.InvariantCulture, $"at most {max}"))]);

    public static WeavyApiException InvalidForeignKey(string where, string entity, string value) =>
        new(400, "InvalidForeignKey", $"{where}: no {entity} has the code '{value}'; the whole transaction was cancelled.", [new WeavyErrorDetail(where, $"no {entity} '{value}'")]);

    public static WeavyApiException InvalidCredentials() =>
        new(401, "InvalidCredentials", "The project code, user name or password is not valid.");

    public static WeavyApiException Unauthorized(string code, string message) =>
        new(401, code, message, headers: new Dictionary<string, string> { ["WWW-Authenticate"] = code == "Unauthorized" ? "Bearer" : "Bearer error=\"invalid_token\"" });

    public static WeavyApiException ProjectNotAllowed(string projectCode) =>
        new(403, "ProjectNotAllowed", $"The token was issued for project {SandboxCredentials.WeavyProjectCode}, not '{projectCode}'.");

    public static WeavyApiException CompanyNotAllowed(string companyCode, string field) =>
        new(403, "CompanyNotAllowed", $"The user has no access to company '{companyCode}' (its company is {SandboxCredentials.WeavyCompanyCode}).", [new WeavyErrorDetail(field, $"unknown company '{companyCode}'")]);

    public static WeavyApiException RecordNotFound(string entity, string code) =>
        new(404, "NotFound", $"No {entity} has the code '{code}'.");

    public static WeavyApiException AlreadyExists(string entity, string code, string? field = null, bool deleted = false) =>
        new(
            409,
            "AlreadyExists",
            deleted
                ? $"A {entity} with the code '{code}' exists (logically deleted): delete it physically (?deleteMode=Physical) or import it to bring it back."
                : $"A {entity} with the code '{code}' already exists.",
            field is null ? null : [new WeavyErrorDetail(field, "already exists")]);

    public static WeavyApiException StillReferenced(string entity, string code, string byEntity, string byCode, string byField) =>
        new(409, "StillReferenced", $"The {entity} '{code}' cannot be deleted physically: {byEntity} '{byCode}' refers to it in {byField} (deletions do not cascade).");

    public static WeavyApiException UnsupportedMediaType(string? contentType) =>
        new(415, "UnsupportedMediaType", $"Content-Type '{contentType ?? "(none)"}' is not supported: send application/json.");

    public static WeavyApiException TooManyRequests(string message, TimeSpan retryAfter) =>
        new(429, "TooManyRequests", message, headers: new Dictionary<string, string>
        {
            ["Retry-After"] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        });

    /// <summary>The answer of an injected fault, in the same shape.</summary>
    public static WeavyApiException Fault(int statusCode) => statusCode switch
    {
        401 => Unauthorized("InvalidToken", "The token is not valid (injected fault)."),
        429 => TooManyRequests("Too many requests: retry later (injected fault).", TimeSpan.FromSeconds(1)),
        503 => new(503, "ServiceUnavailable", "The service is unavailable (injected fault)."),
        >= 500 => new(statusCode, InternalErrorCode, "An internal error occurred (injected fault)."),
        _ => new(statusCode, InvalidRequestCode, "The request failed (injected fault)."),
    };
}
