using System.Net;

namespace ErpConnectors.Sandbox.Tests;

public sealed class SeveraRateLimitTests
{
    [Fact]
    public async Task More_calls_than_allowed_in_one_second_get_the_vendors_plain_text_429()
    {
        await using var client = await SeveraTestClient.StartAsync(o => o.Severa.RequestsPerSecond = 3);
        var server = client.Server;

        // Warm the pipeline up with another client id (its own window), so the burst below is fast.
        using (var warmUp = new SeveraTestClient(server))
        {
            await warmUp.AuthenticateAsync("customers:read", SandboxCredentials.SeveraReadOnlyClientId, SandboxCredentials.SeveraReadOnlyClientSecret);
            await warmUp.GetOkAsync("customers?rowCount=1");
        }

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 5; i++)
        {
            var response = await client.SendAsync(HttpMethod.Get, "customers?rowCount=1");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
            else
            {
                response.Dispose();
            }
        }

        // The burst runs well inside one second on any machine; the first three pass.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        using (refused)
        {
            Assert.Equal("text/plain", refused!.Content.Headers.ContentType!.MediaType);
            Assert.Equal("API calls quota exceeded! maximum admitted 3 per Second.", await refused.Content.ReadAsStringAsync());
            Assert.Null(refused.Headers.RetryAfter);
            Assert.False(refused.Headers.Contains("Retry-After"));
        }

        // Token calls are not counted, and refused calls did not fill the window: after a second, three more pass.
        await client.AuthenticateAsync("customers:read");
        await Task.Delay(TimeSpan.FromMilliseconds(1100));
        for (var i = 0; i < 3; i++)
        {
            await client.GetOkAsync("customers?rowCount=1");
        }
    }

    [Fact]
    public async Task The_limit_is_per_client_id()
    {
        await using var client = await SeveraTestClient.StartAsync(o => o.Severa.RequestsPerSecond = 2);
        var server = client.Server;
        using var other = new SeveraTestClient(server);
        await other.AuthenticateAsync("customers:read", SandboxCredentials.SeveraReadOnlyClientId, SandboxCredentials.SeveraReadOnlyClientSecret);

        await client.GetOkAsync("customers?rowCount=1");
        await client.GetOkAsync("customers?rowCount=1");
        using (var third = await client.SendAsync(HttpMethod.Get, "customers?rowCount=1"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        }

        await other.GetOkAsync("customers?rowCount=1");
    }
}
