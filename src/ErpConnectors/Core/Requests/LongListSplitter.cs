using System;
using System.Collections.Generic;
using System.Linq;

namespace ErpConnectors.Core.Requests;

/// <summary>
/// Splits a list read whose URL would be too long (Get-SeveraCustomer -Number (1..5000) made one URL of 63,903
/// characters; IIS refuses a query over 2,048 by default, most gateways over 8 KB) into several requests, each
/// with part of the longest id list, that together ask for the same rows. Lists are "any of" filters: a list
/// key repeated (<c>numbers=1&amp;numbers=2</c>), or one value holding a comma list (<c>DebtorIDIn=1,2</c>) for
/// the keys a system names. Other parameters go into every part unchanged.
/// </summary>
internal static class LongListSplitter
{
    /// <summary>The longest URL a part may have before paging adds its own parameters (a cursor token can be long).</summary>
    public const int MaxUriLength = 1800;

    public static IReadOnlyList<ApiRequest> Split(ApiRequest request, Uri baseUri, Func<string, bool>? isCommaList = null, int maxUriLength = MaxUriLength)
    {
        if (request.BuildUri(baseUri).AbsoluteUri.Length <= maxUriLength)
        {
            return new[] { request };
        }

        var parts = new List<ApiRequest>();
        var pending = new Stack<ApiRequest>();
        pending.Push(Distinct(request, isCommaList));
        while (pending.Count > 0)
        {
            ApiRequest part = pending.Pop();
            if (part.BuildUri(baseUri).AbsoluteUri.Length <= maxUriLength || Longest(part, isCommaList) is not { } key)
            {
                parts.Add(part); // fits, or cannot be split further (the server will say what it thinks of it)
                continue;
            }

            var (first, second) = Halve(part, key, isCommaList);
            pending.Push(second);
            pending.Push(first); // popped first: the parts keep the order of the values
        }

        return parts;
    }

    /// <summary>The values of a list key, in order.</summary>
    private static List<string> Values(ApiRequest request, string key, Func<string, bool>? isCommaList)
    {
        var values = request.Query.Where(p => string.Equals(p.Key, key, StringComparison.Ordinal)).Select(p => p.Value).ToList();
        return values.Count == 1 && isCommaList?.Invoke(key) == true ? values[0].Split(',').ToList() : values;
    }

    private static string? Longest(ApiRequest request, Func<string, bool>? isCommaList) =>
        request.Query.Select(p => p.Key).Distinct(StringComparer.Ordinal)
            .Select(key => (Key: key, Values: Values(request, key, isCommaList)))
            .Where(list => list.Values.Count > 1)
            .OrderByDescending(list => list.Values.Sum(v => v.Length + list.Key.Length + 2))
            .Select(list => list.Key)
            .FirstOrDefault();

    private static ApiRequest Distinct(ApiRequest request, Func<string, bool>? isCommaList)
    {
        ApiRequest copy = request.Snapshot();
        foreach (string key in request.Query.Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList())
        {
            List<string> values = Values(request, key, isCommaList);
            if (values.Count > 1)
            {
                Replace(copy, key, values.Distinct(StringComparer.Ordinal).ToList(), isCommaList);
            }
        }

        return copy;
    }

    private static (ApiRequest First, ApiRequest Second) Halve(ApiRequest request, string key, Func<string, bool>? isCommaList)
    {
        List<string> values = Values(request, key, isCommaList);
        int half = values.Count / 2;
        ApiRequest first = request.Snapshot();
        ApiRequest second = request.Snapshot();
        Replace(first, key, values.Take(half).ToList(), isCommaList);
        Replace(second, key, values.Skip(half).ToList(), isCommaList);
        return (first, second);
    }

    private static void Replace(ApiRequest request, string key, List<string> values, Func<string, bool>? isCommaList)
    {
        bool comma = isCommaList?.Invoke(key) == true && request.Query.Count(p => string.Equals(p.Key, key, StringComparison.Ordinal)) == 1;
        request.ReplaceAll(key, comma ? new[] { string.Join(",", values) } : values);
    }
}
