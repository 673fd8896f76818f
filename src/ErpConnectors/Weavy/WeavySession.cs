using System;
using System.Security;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Http;

namespace ErpConnectors.Weavy;

/// <summary>Builds the runtime behind a <see cref="WeavyConnection"/>.</summary>
internal static class WeavySession
{
    public static ConnectionRuntime Create(WeavyConnection connection, SecureString password, Func<System.Net.Http.HttpMessageHandler>? primaryHandler = null, RetrySettings? retry = null)
    {
        var runtime = new ConnectionRuntime(new RuntimeOptions(WeavyApi.SystemName, connection.BaseUri, new WeavyErrorParser())
        {
            PrimaryHandler = primaryHandler,
            Retry = retry ?? new RetrySettings(),
        });
        var provider = new WeavyTokenProvider(runtime, connection.ProjectCode, connection.UserName, password);
        provider.SignedIn += expiry => connection.PasswordExpiresOn = expiry;
        var tokens = new TokenManager(provider);
        tokens.Renewed += token => connection.ExpiresOn = token.ExpiresOn;
        runtime.UseTokens(tokens);
        connection.Runtime = runtime;
        return runtime;
    }
}
