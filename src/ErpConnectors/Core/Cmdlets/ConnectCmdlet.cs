using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Http;

namespace ErpConnectors.Core.Cmdlets;

/// <summary>
/// What every Connect-* does the same way: check the API root it was given, refuse to send credentials over
/// plain http to another machine, prove the credential, make the connection the runspace's default and return it
/// with -PassThru. Each system only says how to build its connection and how to prove it.
/// </summary>
public abstract class ConnectCmdlet : ErpCmdlet
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The longest silence accepted from the server, in seconds: waiting for an answer, or for more of its body.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int IdleTimeoutSec { get; set; } = (int)RetrySettings.DefaultIdleTimeout.TotalSeconds;

    /// <summary>The most one call may take, in seconds, retries included (the time the pipeline takes to consume a body is not counted).</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int RequestTimeoutSec { get; set; } = (int)RetrySettings.DefaultTotalTimeout.TotalSeconds;

    /// <summary>The connection's retry and deadline settings, from -IdleTimeoutSec and -RequestTimeoutSec.</summary>
    internal RetrySettings Deadlines() => new()
    {
        IdleTimeout = TimeSpan.FromSeconds(IdleTimeoutSec),
        TotalTimeout = TimeSpan.FromSeconds(RequestTimeoutSec),
    };

    /// <summary>-BaseUri as an API root: absolute http(s), without a trailing slash; anything else is refused.</summary>
    internal Uri CheckBaseUri(Uri baseUri, string systemName)
    {
        if (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            string shown = Redactor.Address(baseUri);
            ThrowTerminatingError(ErrorMapper.InvalidArgument($"{systemName}.InvalidBaseUri", $"-BaseUri must be an absolute http(s) URI, not '{shown}'.", shown));
        }

        if (baseUri.UserInfo.Length > 0)
        {
            // A password in the address would be echoed by every message that names it.
            string shown = Redactor.Address(baseUri);
            ThrowTerminatingError(ErrorMapper.InvalidArgument($"{systemName}.CredentialInBaseUri", $"-BaseUri must not carry a user name or password ('{shown}' had one): give the API root alone, and the credential with -Credential.", shown));
        }

        return new Uri(baseUri.AbsoluteUri.TrimEnd('/'));
    }

    /// <summary>Credentials travel over https, or over http to this machine only (the sandbox).</summary>
    internal void EnsureSecretsMayTravel(Uri baseUri)
    {
        if (!TransportGuard.AllowsSecrets(baseUri))
        {
            ThrowTerminatingError(ErrorMapper.ToErrorRecord(ApiException.InsecureTransport(baseUri), baseUri));
        }
    }

    /// <summary>
    /// Proves the connection (any failure is terminating: nothing can follow a failed login), then makes it the
    /// default and returns it with -PassThru. A connection that never connected is disposed: it keeps no sockets.
    /// </summary>
    internal void Open(ErpConnection connection, ConnectionRuntime runtime, Func<ICallOutput, CancellationToken, Task> prove, Func<string> connected)
    {
        try
        {
            Run(prove, target: connection.BaseUri, failuresTerminate: true);
        }
        catch
        {
            runtime.Dispose();
            throw;
        }

        ConnectionRegistry.SetDefault(connection);
        WriteVerbose(connected()); // after proving: it may show what the sign-in said (token expiry)
        if (PassThru)
        {
            WriteObject(connection);
        }
    }
}
