using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ErpConnectors.Bench;

/// <summary>
/// What a person would write without the module: get a token, then page with NextPageToken, parsing each page
/// with System.Text.Json into one value per record (a dictionary of its properties, like a PSObject's).
/// Sequential, no read-ahead: the baseline.
/// </summary>
internal static class RawLoop
{
    public static async Task<long> RunAsync(Uri baseUri, string clientId, string secret, int pageSize)
    {
        using var http = new HttpClient();
        using var tokenAnswer = await http.PostAsJsonAsync(new Uri(baseUri + "/token"), new { client_Id = clientId, client_Secret = secret, scope = "customers:read" });
        tokenAnswer.EnsureSuccessStatusCode();
        using var tokenDocument = JsonDocument.Parse(await tokenAnswer.Content.ReadAsStringAsync());
        string token = tokenDocument.RootElement.GetProperty("access_token").GetString()!;

        long rows = 0;
        string? pageToken = null;
        do
        {
            string uri = $"{baseUri}/customers?rowCount={pageSize}" + (pageToken is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Add("client_id", clientId);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            await foreach (var record in JsonSerializer.DeserializeAsyncEnumerable<Dictionary<string, JsonElement>>(body))
            {
                if (record is not null)
                {
                    rows++;
                }
            }

            pageToken = response.Headers.TryGetValues("NextPageToken", out var values) ? values.FirstOrDefault() : null;
        }
        while (pageToken is not null);

        return rows;
    }
}
