using System;
using System.Collections.Specialized;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Core.Auth;

/// <summary>
/// A sign-in with a held user name and password: POST the credential as JSON, read a token from the answer. Jiwa
/// (/auth), Weavy (Authenticate) and Microbizz (login) differ only in the body's field names, where the token sits
/// in the answer and how a call carries it, so those are all a system says. None has a refresh token: the
/// TokenManager signs in again (before a known expiry, and once when a call is refused, then replays once).
/// </summary>
internal abstract class CredentialLoginProvider : ITokenProvider
{
    private readonly ConnectionRuntime _runtime;
    private readonly string _route;
    private readonly SecureString _password;

    protected CredentialLoginProvider(ConnectionRuntime runtime, string route, SecureString password)
    {
        _runtime = runtime;
        _route = route;
        _password = password;
    }

    public bool CanReauthenticate => true;

    /// <summary>The sign-in body; the password is revealed only while it is written.</summary>
    protected abstract OrderedDictionary Body(string password);

    /// <summary>The token (and its expiry, if the answer says) from the answer; a JsonException when it has none.</summary>
    protected abstract TokenSet Read(byte[] answer, DateTimeOffset now);

    public abstract void Apply(HttpRequestMessage request, TokenSet token);

    public async Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken)
    {
        TransportGuard.EnsureSecretsMayTravel(_runtime.BaseUri);
        byte[] body = SecretText.Use(_password, password => JsonBody.Serialize(Body(password)));
        var request = new ApiRequest(HttpMethod.Post, _route) { Body = body, Idempotent = true }; // a sign-in changes nothing twice
        DateTimeOffset now = DateTimeOffset.UtcNow;
        // Anonymous (no token to add) and sensitive (the body is never logged, even with -Debug).
        HttpResponseMessage response;
        try
        {
            response = await _runtime.SendAsync(request, output, cancellationToken, anonymous: true, sensitiveBody: true).ConfigureAwait(false);
        }
        catch (ApiException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // The sign-in itself was refused: that is the user name or password, whatever a system's parser says about
            // refused tokens on other calls ("the access token expired").
            throw ex.WithAction($"Check the user name and password, then run Connect-{ex.SystemName} again.");
        }

        using (response)
        {
            return Read(await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false), now);
        }
    }

    public Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken) =>
        Task.FromResult<TokenSet?>(null);
}
