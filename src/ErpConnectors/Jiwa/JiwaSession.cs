using System;
using System.Security;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Http;

namespace ErpConnectors.Jiwa;

/// <summary>Builds the runtime behind a <see cref="JiwaConnection"/>.</summary>
internal static class JiwaSession
{
    /// <param name="secret">The password (credential connections) or the API key.</param>
    public static ConnectionRuntime Create(JiwaConnection connection, SecureString secret, Func<System.Net.Http.HttpMessageHandler>? primaryHandler = null, RetrySettings? retry = null)
    {
        bool apiKey = connection.AuthenticationKind == JiwaAuthenticationKind.ApiKey;
        // Jiwa documents no rate limit: no pacer (a self-hosted server is the customer's own).
        var runtime = new ConnectionRuntime(new RuntimeOptions(JiwaApi.SystemName, connection.BaseUri, new JiwaErrorParser(apiKey))
        {
            PrimaryHandler = primaryHandler,
            Retry = retry ?? new RetrySettings(),
        });
        ITokenProvider provider;
        if (apiKey)
        {
            provider = new JiwaApiKeyProvider(secret);
        }
        else
        {
            var session = new JiwaSessionProvider(runtime, connection.UserName, secret);
            session.LoggedIn += displayName => connection.DisplayName = displayName;
            provider = session;
        }

        runtime.UseTokens(new TokenManager(provider));
        connection.Runtime = runtime;
        return runtime;
    }
}
