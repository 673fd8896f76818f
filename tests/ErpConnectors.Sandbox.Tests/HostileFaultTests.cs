using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The hostile-network faults as a plain client that follows no redirect sees them.</summary>
public sealed class HostileFaultTests
{
    private static readonly HttpClient Plain = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private static Task<HttpResponseMessage> SendAsync(SeveraTestClient client, HttpMethod method, string relative, string? json = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead) =>
        SendAsync(client, method, client.Url(relative), json, completion);

    private static Task<HttpResponseMessage> SendAsync(SeveraTestClient client, HttpMethod method, Uri uri, string? json = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Add("client_id", client.ClientId);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", client.AccessToken);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return Plain.SendAsync(request, completion);
    }

    [Fact]
    public async Task A_foreign_redirect_points_at_the_second_origin_which_logs_what_reaches_it()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        server.Severa.Faults.Hostile.Enqueue(new HostileFault(HostileFaultKind.RedirectForeign, "GET", "/customers"));

        using var response = await SendAsync(client, HttpMethod.Get, "customers?rowCount=1");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(server.Foreign.RootUri.Authority, location.Authority);
        Assert.NotEqual(server.RootUri.Authority, location.Authority);
        Assert.EndsWith("/customers?rowCount=1", location.PathAndQuery, StringComparison.Ordinal);

        using var followed = await SendAsync(client, HttpMethod.Get, location);
        var reached = Assert.Single(server.Foreign.Requests);
        Assert.Equal("GET", reached.Method);
        Assert.Equal(HttpStatusCode.OK, followed.StatusCode);
    }

    [Fact]
    public async Task A_same_origin_redirect_is_served_as_the_original_path()
    {
        await using var client = await SeveraTestClient.StartAsync();
        client.Server.Severa.Faults.Hostile.Enqueue(new HostileFault(HostileFaultKind.RedirectSameOrigin, "GET", "/customers"));

        using var response = await SendAsync(client, HttpMethod.Get, "customers?rowCount=2");
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("/sandbox-redirected/severa/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var again = await SendAsync(client, HttpMethod.Get, new Uri(client.Server.RootUri, response.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task An_echoing_gateway_returns_the_request_headers_and_body()
    {
        await using var client = await SeveraTestClient.StartAsync();
        client.Server.Severa.Faults.Hostile.Enqueue(new HostileFault(HostileFaultKind.EchoRequest, "POST", "/token"));

        using var response = await SendAsync(client, HttpMethod.Post, "token", "{\"client_Secret\":\"echo-me\"}");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        using var echo = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("echo-me", echo.RootElement.GetProperty("request").GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stalled_body_sends_its_headers_and_part_of_the_body_then_nothing()
    {
        await using var client = await SeveraTestClient.StartAsync();
        client.Server.Severa.Faults.Hostile.StallAfterBytes = 5;
        client.Server.Severa.Faults.Hostile.Enqueue(new HostileFault(HostileFaultKind.StallBody, "GET", "/customers"));

        using var response = await SendAsync(client, HttpMethod.Get, "customers?rowCount=3", completion: HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64];
        int read = await body.ReadAtLeastAsync(buffer.AsMemory(0, 5), 5, throwOnEndOfStream: true);

        Assert.Equal(5, read);
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await body.ReadAtLeastAsync(buffer.AsMemory(read), 1, throwOnEndOfStream: true, wait.Token));
    }
}
