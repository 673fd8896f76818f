using System.Management.Automation;
using System.Net;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;
using ErpConnectors.Microbizz;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

public class MicrobizzTests
{
    private static readonly Uri Base = new("https://mbz.test/api.php");

    [Fact]
    public async Task The_token_travels_as_a_cookie_and_a_refused_one_means_one_new_login()
    {
        var mock = new MockHttpMessageHandler();
        int logins = 0;
        var seen = new List<string>();
        mock.When(HttpMethod.Post, "https://mbz.test/api.php/login").Respond(request =>
        {
            logins++;
            Assert.Contains("\"username\":\"ann\"", request.Content!.ReadAsStringAsync().Result, StringComparison.Ordinal);
            return TestRuntime.Json($"{{\"access_token\":\"tok-{logins}\",\"user\":{{}}}}");
        });
        mock.When(HttpMethod.Get, "https://mbz.test/api.php/task").Respond(request =>
        {
            Assert.DoesNotContain("access_token", request.RequestUri!.Query, StringComparison.Ordinal);
            string cookie = request.Headers.GetValues("Cookie").Single();
            seen.Add(cookie);
            return cookie == "access_token=tok-2"
                ? TestRuntime.Json("[{\"task_id\":1},{\"task_id\":2}]")
                : TestRuntime.Json("{\"error\":{\"code\":\"Unauthorized\",\"message\":\"Token expired\"}}", HttpStatusCode.Unauthorized);
        });
        var connection = new MicrobizzConnection(Base, "ann", MicrobizzAuthenticationKind.Credential);
        using var runtime = MicrobizzSession.Create(connection, SecretText.Protect("pw"), () => mock, TestRuntime.FastRetry());
        await runtime.Tokens.GetAsync(null, CancellationToken.None);
        var output = new RecordingOutput();

        await Pager.StreamAsync(runtime, ApiRequest.Get("task"), new SingleShotPaging(), new PageQuery(MicrobizzApi.TypeName("task"), "Reading") { PageSize = 1000 }, output, CancellationToken.None);

        Assert.Equal(2, output.Objects.Count);
        Assert.Equal(2, logins);
        Assert.Equal(new[] { "access_token=tok-1", "access_token=tok-2" }, seen);
        Assert.Equal(new[] { "ErpConnectors.Microbizz.task", "ErpConnectors.Microbizz.Record" }, ((PSObject)output.Objects[0]!).TypeNames.Take(2));
    }

    [Fact]
    public async Task A_refused_bare_token_is_a_terminating_error_that_says_to_connect_again()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("https://mbz.test/api.php/*").Respond(_ => TestRuntime.Json("{\"error\":{\"code\":\"Unauthorized\",\"message\":\"Token expired\"}}", HttpStatusCode.Unauthorized));
        var connection = new MicrobizzConnection(Base, "(access token)", MicrobizzAuthenticationKind.AccessToken);
        using var runtime = MicrobizzSession.Create(connection, SecretText.Protect("old"), () => mock, TestRuntime.FastRetry());

        var error = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(ApiRequest.Get("currentuser"), null, null, CancellationToken.None));

        Assert.True(error.IsTerminating);
        Assert.Contains("Connect-Microbizz again", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("Token expired", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("task", "DELETE", false)]
    [InlineData("task", "POST", true)]
    [InlineData("user", "POST", false)]
    [InlineData("notification", "DELETE", true)]
    [InlineData("currentuser", "GET", true)]
    public void The_object_table_says_which_methods_each_object_allows(string type, string method, bool allowed) =>
        Assert.Equal(allowed, MicrobizzApi.Find(type)!.Allows(new HttpMethod(method)));
}
