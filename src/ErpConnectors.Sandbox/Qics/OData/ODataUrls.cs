using System.Globalization;
using System.Text;

namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>The absolute URLs an answer carries: the service root, @odata.context, Location, @odata.nextLink.</summary>
internal static class ODataUrls
{
    /// <summary>{scheme}://{host}/qics/api/V3/odata (no trailing slash).</summary>
    public static string ServiceRoot(HttpContext context)
    {
        var request = context.Request;
        return $"{request.Scheme}://{request.Host}{request.PathBase}{QicsSystem.BasePath}{QicsSystem.ODataPath}";
    }

    /// <summary>{root}/$metadata#Set, #Set(A,B) with $select, and /$entity for a single entity.</summary>
    public static string Context(HttpContext context, string entitySet, IReadOnlyList<EdmProperty>? select, bool entity)
    {
        var text = new StringBuilder(ServiceRoot(context)).Append("/$metadata#").Append(entitySet);
        if (select is not null)
        {
            text.Append('(').AppendJoin(',', select.Select(p => p.Name)).Append(')');
        }

        return (entity ? text.Append("/$entity") : text).ToString();
    }

    public static string Entity(HttpContext context, string entitySet, long key) =>
        string.Create(CultureInfo.InvariantCulture, $"{ServiceRoot(context)}/{entitySet}({key})");

    /// <summary>
    /// This request's URL with $skip and $top replaced: every other query parameter is kept as the client sent
    /// it (so the link repeats the same $filter and $orderby). $top only when there is one to carry.
    /// </summary>
    public static string NextLink(HttpContext context, long skip, long? top)
    {
        var request = context.Request;
        var kept = (request.QueryString.Value ?? string.Empty).TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => DecodedName(part) is not ("$skip" or "$top"));
        var parameters = kept.ToList();
        if (top is { } remaining)
        {
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"$top={remaining}"));
        }

        parameters.Add(string.Create(CultureInfo.InvariantCulture, $"$skip={skip}"));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join('&', parameters)}";
    }

    private static string DecodedName(string part)
    {
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        return Uri.UnescapeDataString((equals < 0 ? part : part[..equals]).Replace('+', ' '));
    }
}
