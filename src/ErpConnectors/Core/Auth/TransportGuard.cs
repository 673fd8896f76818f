using System;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Core.Auth;

/// <summary>Credentials and tokens travel over https only, except to this machine (the sandbox, a local proxy).</summary>
internal static class TransportGuard
{
    public static bool AllowsSecrets(Uri? uri) =>
        uri is not null && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    public static void EnsureSecretsMayTravel(Uri? uri)
    {
        if (!AllowsSecrets(uri))
        {
            throw ApiException.InsecureTransport(uri);
        }
    }
}
