using System.Text.Json;
using ErpConnectors.Sandbox;

namespace ErpConnectors.Bench.Raw;

/// <summary>
/// Jiwa without the module: POST /auth (credentials), then the AutoQuery list with the X-ss-id session header,
/// Skip/Take and Include=Total, until the rows read reach the Total (the server caps Take silently).
/// </summary>
internal static class JiwaRaw
{
    public static async Task<long> AutoQueryAsync(Uri baseUri, string list, int pageSize, long limit = long.MaxValue)
    {
        using var http = new HttpClient();
        string session = await RawHttp.SignInAsync(http, new Uri(baseUri + "/auth"), RawHttp.Json(new { provider = "credentials", UserName = SandboxCredentials.JiwaUserName, Password = SandboxCredentials.JiwaPassword, RememberMe = true }), "SessionId");
        return await RawHttp.PageAsync(limit, async offset =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUri}/{list}?Take={pageSize}" + (offset == 0 ? string.Empty : $"&Skip={offset}") + "&Include=Total");
            request.Headers.Add("X-ss-id", session);
            using var response = await RawHttp.SendAsync(http, request);
            var page = await RawHttp.ReadPageAsync<AutoQueryPage>(response);
            return (page.Results.Count, page.Results.Count > 0 && offset + page.Results.Count < page.Total);
        });
    }

    /// <summary>ServiceStack's QueryResponse: the rows and, with Include=Total, the filtered count.</summary>
    private sealed class AutoQueryPage
    {
        public long Total { get; set; }

        public List<Dictionary<string, JsonElement>> Results { get; set; } = [];
    }
}
