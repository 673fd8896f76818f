using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Severa.Http;

namespace ErpConnectors.Sandbox.Severa.Auth;

/// <summary>POST /token and POST /refreshtoken.</summary>
internal static class TokenEndpoints
{
    public const string InvalidRefreshTokenMessage =
        "Given refresh token is not valid, has expired or was replaced by a newer one, or the client_id header does not match it.";

    public static void Map(SeveraRoutes routes, string basePath, SeveraSandbox severa)
    {
        var info = new SeveraRouteInfo(null, IsAuthentication: true);
        routes.MapAbsolute(HttpMethods.Post, basePath + "/token", info, context => TokenAsync(context, severa));
        routes.MapAbsolute(HttpMethods.Post, basePath + "/refreshtoken", info, context => RefreshAsync(context, severa));
    }

    private static async Task<IResult> TokenAsync(HttpContext context, SeveraSandbox severa)
    {
        severa.CountTokenRequest();
        var body = await SeveraBody.ReadAsync(context).ConfigureAwait(false);
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw SeveraErrors.InvalidRequest("The request body must be a JSON object with client_Id, client_Secret and scope.");
        }

        var clientId = StringProperty(body, "client_Id");
        var secret = StringProperty(body, "client_Secret");
        var scope = StringProperty(body, "scope");
        var client = severa.Clients.FirstOrDefault(c => c.ClientId == clientId && Secrets.Same(c.ClientSecret, secret))
            ?? throw SeveraErrors.InvalidCredentials();

        var requested = (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (requested.Count == 0)
        {
            throw SeveraErrors.InvalidParameter("scope", "Request at least one scope (scope names separated by spaces).");
        }

        if (requested.FirstOrDefault(s => !SeveraScopes.IsKnown(s)) is { } unknown)
        {
            throw SeveraErrors.InvalidParameter("scope", $"Scope '{unknown}' does not exist.");
        }

        if (requested.FirstOrDefault(s => !client.AllowedScopes.Contains(s)) is { } notAllowed)
        {
            throw new SeveraApiException(
                401,
                SeveraErrorTypes.AuthenticationRequired,
                [new SeveraErrorDetail($"Requested scope '{notAllowed}' is not allowed for the api client.")],
                new Dictionary<string, string> { ["X-Accepted-OAuth-Scopes"] = SeveraScopes.HeaderValue(client.AllowedScopes) });
        }

        var issued = severa.Tokens.Issue(client.ClientId, requested, severa.Options.AccessTokenLifetime, severa.Options.RefreshTokenLifetime);
        return SeveraJson.Ok(Answer(issued, severa));
    }

    private static async Task<IResult> RefreshAsync(HttpContext context, SeveraSandbox severa)
    {
        severa.CountRefreshRequest();
        var body = await SeveraBody.ReadAsync(context).ConfigureAwait(false);
        if (body.ValueKind != JsonValueKind.String)
        {
            throw SeveraErrors.InvalidParameter(null, "The request body must be the refresh token as a JSON string (wrapped in double quotes).");
        }

        var clientId = context.Request.Headers["client_id"].ToString();
        var scopes = clientId.Length == 0 ? null : severa.Tokens.Redeem(clientId, body.GetString() ?? string.Empty);
        if (scopes is null)
        {
            throw new SeveraApiException(401, SeveraErrorTypes.AuthenticationRequired, InvalidRefreshTokenMessage);
        }

        var issued = severa.Tokens.Issue(clientId, scopes, severa.Options.AccessTokenLifetime, severa.Options.RefreshTokenLifetime);
        return SeveraJson.Ok(Answer(issued, severa));
    }

    private static string? StringProperty(JsonElement body, string name)
    {
        if (!body.TryGet(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw SeveraErrors.InvalidParameter(name, $"{name} must be a string.");
    }

    private static TokenAnswer Answer(IssuedTokens issued, SeveraSandbox severa)
    {
        var user = severa.Data.Users[0];
        return new TokenAnswer(
            issued.AccessToken,
            "Bearer",
            (long)severa.Options.AccessTokenLifetime.TotalSeconds,
            Utc(issued.AccessExpiresUtc),
            issued.RefreshToken,
            (long)severa.Options.RefreshTokenLifetime.TotalSeconds,
            Utc(issued.RefreshExpiresUtc),
            string.Join(' ', issued.Scopes),
            new TokenUser(user.Guid, user.FirstName, user.LastName, user.Name, user.Email));
    }

    private static string Utc(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("access_token_type")] string AccessTokenType,
        [property: JsonPropertyName("access_token_expires_in")] long AccessTokenExpiresIn,
        [property: JsonPropertyName("access_token_expires_utc")] string AccessTokenExpiresUtc,
        [property: JsonPropertyName("refresh_token")] string RefreshToken,
        [property: JsonPropertyName("refresh_token_expires_in")] long RefreshTokenExpiresIn,
        [property: JsonPropertyName("refresh_token_expires_utc")] string RefreshTokenExpiresUtc,
        [property: JsonPropertyName("scope")] string Scope,
        [property: JsonPropertyName("user")] TokenUser User);

    private sealed record TokenUser(Guid Guid, string FirstName, string LastName, string Name, string Email);
}
