using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

public class TransportGuardTests
{
    [Theory]
    [InlineData("https://api.severa.visma.com/rest-api/v1.0", true)]
    [InlineData("http://127.0.0.1:5380/severa", true)]
    [InlineData("http://localhost:5380/", true)]
    [InlineData("http://[::1]:5380/", true)]
    [InlineData("http://api.severa.visma.com/rest-api/v1.0", false)]
    [InlineData("http://192.168.1.10/", false)]
    [InlineData("ftp://127.0.0.1/", false)]
    public void Secrets_travel_over_https_or_to_this_machine_only(string uri, bool allowed) =>
        Assert.Equal(allowed, TransportGuard.AllowsSecrets(new Uri(uri)));

    [Fact]
    public async Task An_authenticated_call_over_http_to_another_host_is_refused_before_anything_is_sent()
    {
        var mock = new MockHttpMessageHandler();
        var any = mock.When("*").Respond(_ => TestRuntime.Json("[]"));
        var provider = new FixedTokenProvider("t");
        using var runtime = new Core.Connections.ConnectionRuntime(new Core.Connections.RuntimeOptions("Test", new Uri("http://erp.example.com/api"), new Severa.SeveraErrorParser())
        {
            PrimaryHandler = () => mock,
            Retry = TestRuntime.FastRetry(),
        });
        runtime.UseTokens(new TokenManager(provider));

        var ex = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(ApiRequest.Get("customers"), null, new RecordingOutput(), CancellationToken.None));

        Assert.Equal("ErpConnectors.InsecureTransport", ex.ErrorId);
        Assert.True(ex.IsTerminating);
        Assert.Equal(System.Management.Automation.ErrorCategory.SecurityError, ex.Category);
        Assert.Equal(0, mock.GetMatchCount(any));
        Assert.Equal(0, provider.Acquisitions); // not even a token was fetched
    }

    [Fact]
    public async Task Severa_over_http_to_another_host_sends_neither_login_nor_call()
    {
        var mock = new MockHttpMessageHandler();
        var any = mock.When("*").Respond(_ => TestRuntime.Json("{\"access_token\":\"x\"}"));
        var (runtime, _) = TestRuntime.CreateSevera(mock, baseUri: new Uri("http://severa.example.com/rest-api/v1.0"));
        using var __ = runtime;

        var call = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(ApiRequest.Get("customers"), null, new RecordingOutput(), CancellationToken.None));
        var login = await Assert.ThrowsAsync<ApiException>(() => runtime.Tokens.Provider.AcquireAsync(null, CancellationToken.None));

        Assert.Equal("ErpConnectors.InsecureTransport", call.ErrorId);
        Assert.Equal("ErpConnectors.InsecureTransport", login.ErrorId);
        Assert.Equal(0, mock.GetMatchCount(any));
    }

    [Fact]
    public async Task Http_to_the_loopback_address_is_allowed()
    {
        var mock = new MockHttpMessageHandler();
        var token = mock.When(HttpMethod.Post, "http://127.0.0.1:5380/severa/rest-api/v1.0/token")
            .Respond(_ => TestRuntime.Json("{\"access_token\":\"AT\",\"access_token_expires_in\":3600}"));
        var customers = mock.When(HttpMethod.Get, "http://127.0.0.1:5380/severa/rest-api/v1.0/customers")
            .WithHeaders("Authorization", "Bearer AT")
            .Respond(_ => TestRuntime.Json("[{\"guid\":\"g\"}]"));
        var (runtime, _) = TestRuntime.CreateSevera(mock, baseUri: new Uri("http://127.0.0.1:5380/severa/rest-api/v1.0"));
        using var __ = runtime;

        var answer = Assert.IsType<object?[]>(await runtime.SendForValueAsync(ApiRequest.Get("customers"), null, new RecordingOutput(), CancellationToken.None));

        Assert.Single(answer);
        Assert.Equal(1, mock.GetMatchCount(token));
        Assert.Equal(1, mock.GetMatchCount(customers));
    }
}
