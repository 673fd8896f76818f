using System;
using System.Security;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Http;

namespace ErpConnectors.Severa;

/// <summary>Builds the runtime behind a <see cref="SeveraConnection"/>.</summary>
internal static class SeveraSession
{
    public static ConnectionRuntime Create(SeveraConnection connection, SecureString clientSecret, int requestsPerSecond, Func<System.Net.Http.HttpMessageHandler>? primaryHandler = null, RetrySettings? retry = null)
    {
        Uri baseUri = connection.BaseUri;
        var runtime = new ConnectionRuntime(new RuntimeOptions(SeveraApi.SystemName, baseUri, new SeveraErrorParser())
        {
            // The quota is per client id, so every connection with this id in the process shares one pacer.
            Pacer = SlidingWindowPacer.For($"Severa|{baseUri.Authority}|{connection.ClientId}", requestsPerSecond),
            PrimaryHandler = primaryHandler,
            Retry = retry ?? new RetrySettings(),
        });
        var tokens = new TokenManager(new SeveraTokenProvider(runtime, connection.ClientId, clientSecret, connection.RequestedScopes));
        tokens.Renewed += token =>
        {
            connection.ExpiresOn = token.ExpiresOn;
            if (token.Scopes.Length > 0)
            {
                connection.Scopes = token.Scopes;
            }
        };
        runtime.UseTokens(tokens);
        connection.Runtime = runtime;
        return runtime;
    }
}
