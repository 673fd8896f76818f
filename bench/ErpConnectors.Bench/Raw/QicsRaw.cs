using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using ErpConnectors.Sandbox;

namespace ErpConnectors.Bench.Raw;

/// <summary>
/// QicsMilestones without the module: a stored refresh token exchanged at the OAuth2 token endpoint (form post),
/// then the OData collection with the bearer token, api-key and tenant-id headers, $top/$skip (or the server's
/// nextLink when it sends one) until a short page.
/// </summary>
internal static class QicsRaw
{
    public static async Task<long> ODataAsync(Uri baseUri, string refreshToken, string entity, int pageSize, long limit = long.MaxValue)
    {
        using var http = new HttpClient();
        using var grant = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = SandboxCredentials.QicsClientId,
            ["client_secret"] = SandboxCredentials.QicsClientSecret,
        });
        string token = await RawHttp.SignInAsync(http, new Uri(baseUri + "/oauth2/oauth2/token"), grant, "access_token");
        Uri next = new($"{baseUri}/V3/odata/{entity}?$top={pageSize}");
        return await RawHttp.PageAsync(limit, async offset =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("api-key", SandboxCredentials.QicsApiKey);
            request.Headers.Add("tenant-id", SandboxCredentials.QicsTenantId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var response = await RawHttp.SendAsync(http, request);
            var page = await RawHttp.ReadPageAsync<ODataPage>(response);
            int rows = page.Value.Count;
            if (page.NextLink is { Length: > 0 } link)
            {
                next = new Uri(next, link);
                return (rows, true);
            }

            next = new Uri($"{baseUri}/V3/odata/{entity}?$top={pageSize}&$skip={offset + rows}");
            return (rows, rows == pageSize);
        });
    }

    private sealed class ODataPage
    {
        [JsonPropertyName("value")]
        public List<Dictionary<string, JsonElement>> Value { get; set; } = [];

        [JsonPropertyName("@odata.nextLink")]
        public string? NextLink { get; set; }
    }
}
