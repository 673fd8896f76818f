using System;

namespace ErpConnectors.Core.Requests;

/// <summary>
/// A route a person typed (Invoke-*Request -Path) stays under the connection's API root: the credentials go with
/// it, so '../../other/auth' must not reach another API on the same host. Percent-encoded dots count too:
/// servers decode them before they resolve the path.
/// </summary>
internal static class RelativePath
{
    /// <summary>Why the path leaves the API root, or null when it stays under it.</summary>
    public static string? Problem(string path)
    {
        int query = path.IndexOf('?');
        string route = query >= 0 ? path.Substring(0, query) : path;
        if (route.IndexOf("://", StringComparison.Ordinal) >= 0 || route.StartsWith("//", StringComparison.Ordinal) || route.StartsWith("\\\\", StringComparison.Ordinal))
        {
            return $"-Path '{path}' is an address, not a route: give the route relative to the connection's API root (connect with -BaseUri for another server).";
        }

        // Decoded until stable: %252e%252e is %2e%2e after one pass, '..' after two.
        for (int pass = 0; pass < 4; pass++)
        {
            foreach (string segment in route.Split('/', '\\'))
            {
                if (segment == "..")
                {
                    return $"-Path '{path}' leaves the connection's API root ('..' segments are refused: the credentials would go to whatever lies outside it).";
                }
            }

            string decoded = Uri.UnescapeDataString(route);
            if (decoded == route)
            {
                break;
            }

            route = decoded;
        }

        return null;
    }

    /// <summary>Whether <paramref name="uri"/> lies under <paramref name="baseUri"/> (same origin, same root path).</summary>
    public static bool IsUnder(Uri uri, Uri baseUri)
    {
        string root = baseUri.AbsolutePath.TrimEnd('/');
        string path = uri.AbsolutePath;
        return string.Equals(uri.GetLeftPart(UriPartial.Authority), baseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase) &&
            (root.Length == 0 || path.Equals(root, StringComparison.Ordinal) || path.StartsWith(root + "/", StringComparison.Ordinal));
    }
}
