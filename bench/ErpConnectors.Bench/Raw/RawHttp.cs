using System.Net.Http.Json;
using System.Text.Json;

namespace ErpConnectors.Bench.Raw;

/// <summary>
/// What every raw loop shares: what a person would write without the module. One HttpClient per run, sequential
/// pages (no read-ahead), every row parsed by System.Text.Json into a dictionary of its properties (like a
/// PSObject's), bare arrays streamed as they arrive.
/// </summary>
internal static class RawHttp
{
    /// <summary>POSTs a sign-in body and returns one string property of the answer (the token or session id).</summary>
    public static async Task<string> SignInAsync(HttpClient http, Uri uri, HttpContent body, string property)
    {
        using var answer = await http.PostAsync(uri, body);
        answer.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty(property).GetString()!;
    }

    private static readonly JsonSerializerOptions AsWritten = new();

    /// <summary>A JSON body, property names as written (not JsonContent's default camelCase).</summary>
    public static HttpContent Json(object body) => JsonContent.Create(body, options: AsWritten);

    /// <summary>Sends, fails on an error status, and leaves the body to be streamed.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>Parses a bare JSON array of rows as it arrives; stops reading after <paramref name="limit"/> rows.</summary>
    public static async Task<int> ReadRowsAsync(HttpResponseMessage response, long limit = long.MaxValue)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        int rows = 0;
        await foreach (var row in JsonSerializer.DeserializeAsyncEnumerable<Dictionary<string, JsonElement>>(body))
        {
            if (row is not null && ++rows >= limit)
            {
                break;
            }
        }

        return rows;
    }

    /// <summary>Parses an envelope (an object holding the page's rows and paging fields) in one go.</summary>
    public static async Task<T> ReadPageAsync<T>(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        return await JsonSerializer.DeserializeAsync<T>(body) ?? throw new JsonException("The answer is empty.");
    }

    /// <summary>
    /// Asks for pages until one says it is the last, or <paramref name="limit"/> rows have come (warm-up runs).
    /// <paramref name="page"/> gets the rows read so far (the next offset) and returns the page's row count and
    /// whether another page follows.
    /// </summary>
    public static async Task<long> PageAsync(long limit, Func<long, Task<(int Rows, bool More)>> page)
    {
        long rows = 0;
        bool more;
        do
        {
            (int count, more) = await page(rows);
            rows += count;
        }
        while (more && rows < limit);
        return rows;
    }
}
