using System.Management.Automation;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Closes a Jiwa connection (the default one unless -Connection is given): a session is logged out on the
/// server (GET /auth/logout), then the connection forgets its session or key.
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "Jiwa")]
[OutputType(typeof(void))]
public sealed class DisconnectJiwaCommand : JiwaCmdlet
{
    protected override void ProcessRecord()
    {
        JiwaConnection connection = ResolvedConnection;
        if (connection.AuthenticationKind == JiwaAuthenticationKind.Credential && connection.Runtime is ConnectionRuntime runtime && runtime.Tokens.Current is { } session)
        {
            // Sent with the session as it is (not through the login-again handler): logging in only to log
            // out would be pointless, and a dead session is already logged out.
            var request = ApiRequest.Get(JiwaApi.Logout);
            request.Headers[JiwaApi.SessionHeader] = session.AccessToken;
            Run(async (output, token) =>
            {
                try
                {
                    using var answer = await runtime.SendAsync(request, output, token, anonymous: true).ConfigureAwait(false);
                }
                catch (ApiException ex)
                {
                    output.Warning($"Jiwa did not confirm the logout ({ex.Message}); the session ends when it expires on the server.");
                }
            }, target: connection.BaseUri);
        }

        ConnectionRegistry.Close(connection);
        WriteVerbose($"Disconnected from Jiwa at {connection.BaseUri}.");
    }
}
