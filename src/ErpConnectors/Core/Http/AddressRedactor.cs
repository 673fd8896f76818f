using System;

namespace ErpConnectors.Core.Http;

/// <summary>Addresses as messages may show them: no user name or password, secret query values masked.</summary>
internal static partial class Redactor
{
    public static string Address(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        if (!uri.IsAbsoluteUri)
        {
            return uri.OriginalString.IndexOf('@') >= 0 ? Mask : uri.OriginalString;
        }

        return uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + PathAndQuery(uri);
    }
}
