using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ErpConnectors.Sandbox;

namespace ErpConnectors.Bench.Raw;

/// <summary>
/// Divalto Weavy without the module: POST v1/Authenticate, then, with the bearer token, Select pages (POST with
/// limit and offset in the body; a short page is the last) or BulkImport batches of 1000.
/// </summary>
internal static class WeavyRaw
{
    private const string Project = SandboxCredentials.WeavyProjectCode;

    public static async Task<long> SelectAsync(Uri baseUri, string entity, int pageSize, long limit = long.MaxValue)
    {
        using var http = new HttpClient();
        string token = await SignInAsync(http, baseUri);
        return await RawHttp.PageAsync(limit, async offset =>
        {
            using var response = await PostAsync(http, baseUri, "Select", token, new { entityName = entity, limit = pageSize, offset });
            int rows = await RawHttp.ReadRowsAsync(response, limit);
            return (rows, rows == pageSize);
        });
    }

    /// <summary>Posts <paramref name="rows"/> customers ({prefix}-1...) to BulkImport in batches of 1000, built in C#.</summary>
    public static async Task ImportAsync(Uri baseUri, string prefix, long rows)
    {
        using var http = new HttpClient();
        string token = await SignInAsync(http, baseUri);
        for (long start = 1; start <= rows; start += 1000)
        {
            var batch = new List<Dictionary<string, object>>();
            for (long i = start; i < start + 1000 && i <= rows; i++)
            {
                batch.Add(new Dictionary<string, object> { ["customer_ID"] = $"{prefix}-{i}", ["name"] = "Row " + i.ToString(CultureInfo.InvariantCulture), ["city"] = "Lyon", ["revenue"] = i * 1.5m });
            }

            using var response = await PostAsync(http, baseUri, "BulkImport", token, new { entityName = "customer", rows = batch });
            using var result = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        }
    }

    private static Task<string> SignInAsync(HttpClient http, Uri baseUri) =>
        RawHttp.SignInAsync(http, new Uri(baseUri + "/v1/Authenticate"), RawHttp.Json(new { scope = "API", projectCode = Project, userName = SandboxCredentials.WeavyUserName, password = SandboxCredentials.WeavyPassword }), "authToken");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri baseUri, string route, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{baseUri}/v1/Data/{Project}/{route}")) { Content = RawHttp.Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await RawHttp.SendAsync(http, request);
    }
}
