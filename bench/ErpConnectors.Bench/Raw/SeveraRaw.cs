using System.Net.Http.Headers;
using ErpConnectors.Sandbox;

namespace ErpConnectors.Bench.Raw;

/// <summary>
/// Severa without the module: POST /token, then every page with the bearer token and the client_id header; token
/// paging (rowCount, NextPageToken header) or row paging (firstRow, rowCount; a short page is the last).
/// </summary>
internal static class SeveraRaw
{
    public static async Task<long> TokenPagingAsync(Uri baseUri, string collection, int pageSize, long limit = long.MaxValue)
    {
        using var http = new HttpClient();
        string token = await SignInAsync(http, baseUri);
        string? pageToken = null;
        return await RawHttp.PageAsync(limit, async _ =>
        {
            string query = $"rowCount={pageSize}" + (pageToken is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken));
            using var response = await GetAsync(http, baseUri, collection, query, token);
            int rows = await RawHttp.ReadRowsAsync(response, limit);
            pageToken = response.Headers.TryGetValues("NextPageToken", out var values) ? values.FirstOrDefault() : null;
            return (rows, pageToken is not null);
        });
    }

    public static async Task<long> RowPagingAsync(Uri baseUri, string collection, int pageSize, long limit = long.MaxValue)
    {
        using var http = new HttpClient();
        string token = await SignInAsync(http, baseUri);
        return await RawHttp.PageAsync(limit, async offset =>
        {
            using var response = await GetAsync(http, baseUri, collection, $"rowCount={pageSize}" + (offset == 0 ? string.Empty : $"&firstRow={offset}"), token);
            int rows = await RawHttp.ReadRowsAsync(response, limit);
            return (rows, rows > 0); // as the module: only an empty page ends a row-paged list (a server may cut pages short)
        });
    }

    private static Task<string> SignInAsync(HttpClient http, Uri baseUri) =>
        RawHttp.SignInAsync(http, new Uri(baseUri + "/token"), RawHttp.Json(new { client_Id = SandboxCredentials.SeveraClientId, client_Secret = SandboxCredentials.SeveraClientSecret, scope = "customers:read" }), "access_token");

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, Uri baseUri, string collection, string query, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUri}/{collection}?{query}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("client_id", SandboxCredentials.SeveraClientId);
        return await RawHttp.SendAsync(http, request);
    }
}
