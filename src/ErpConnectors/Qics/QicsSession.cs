using System;
using System.Security;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Http;

namespace ErpConnectors.Qics;

/// <summary>Builds the runtime behind a <see cref="QicsConnection"/>.</summary>
internal static class QicsSession
{
    public static (ConnectionRuntime Runtime, QicsTokenProvider Provider) Create(QicsConnection connection, SecureString clientSecret, SecureString apiKey, Func<System.Net.Http.HttpMessageHandler>? primaryHandler = null, RetrySettings? retry = null)
    {
        var runtime = new ConnectionRuntime(new RuntimeOptions(QicsApi.SystemName, connection.BaseUri, new QicsErrorParser())
        {
            PrimaryHandler = primaryHandler,
            Retry = retry ?? new RetrySettings(),
        });
        var provider = new QicsTokenProvider(runtime, connection.ClientId, clientSecret, apiKey, connection.TenantId);
        var tokens = new TokenManager(provider);
        tokens.Renewed += token =>
        {
            // The newest refresh token is the only live one: hand it to the connection at once, so a runbook that
            // stores connection.RefreshToken after its run never stores a dead one.
            connection.ExpiresOn = token.ExpiresOn;
            connection.SetRefreshToken(SecretText.Protect(token.RefreshToken!), rotated: provider.LastGrantWasRefresh);
        };
        runtime.UseTokens(tokens);
        connection.Runtime = runtime;
        return (runtime, provider);
    }
}
