using ErpConnectors.Sandbox;

namespace ErpConnectors.Bench.Raw;

/// <summary>
/// Microbizz GO without the module: POST login, then GET {type} with the access_token cookie: one unpaged JSON
/// array, parsed row by row as it arrives.
/// </summary>
internal static class MicrobizzRaw
{
    public static async Task<long> ListAsync(Uri baseUri, string type, long limit = long.MaxValue)
    {
        using var http = new HttpClient();
        string token = await RawHttp.SignInAsync(http, new Uri(baseUri + "/login"), RawHttp.Json(new { username = SandboxCredentials.MicrobizzUserName, password = SandboxCredentials.MicrobizzPassword }), "access_token");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUri}/{type}");
        request.Headers.Add("Cookie", $"access_token={token}");
        using var response = await RawHttp.SendAsync(http, request);
        return await RawHttp.ReadRowsAsync(response, limit);
    }
}
