using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ErpConnectors.Sandbox.Severa.Paging;
using Microsoft.Extensions.Primitives;

namespace ErpConnectors.Sandbox.Severa.Http;

internal enum PagingStyle
{
    /// <summary>A single-shot list or a single record.</summary>
    None,

    /// <summary>rowCount + pageToken, answer header NextPageToken (v1.0's default).</summary>
    Token,

    /// <summary>rowCount + firstRow; a short page is the last.</summary>
    Row,
}

/// <summary>The largest rowCount of a list, and whether a larger one is cut to it (else refused).</summary>
internal readonly record struct RowCountLimit(int Max, bool Cap);

/// <summary>A parsed sortings[i] entry.</summary>
internal sealed record Sorting(string Key, bool Descending);

/// <summary>
/// The query string of one request, checked against the parameters the endpoint takes in v1.0. Names are
/// case-insensitive (as ASP.NET binds them); list parameters repeat the key (?numbers=1&amp;numbers=2); an
/// empty value counts as absent. Deliberately stricter than the real server in one way: a parameter the
/// endpoint does not take is refused with 400 instead of being silently ignored, because a client that sends
/// one (a v0.2 name such as firstRow on a token-paged list, a misspelling) would otherwise get wrong data
/// without noticing.
/// </summary>
internal sealed partial class SeveraQuery
{
    public const int DefaultRowCount = 100;

    private readonly Dictionary<string, StringValues> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedDictionary<int, (string? Key, string? Value)> _sortings = [];
    private readonly PagingStyle _paging;

    private SeveraQuery(PagingStyle paging)
    {
        _paging = paging;
    }

    public int RowCount { get; private set; } = DefaultRowCount;

    public long FirstRow { get; private set; }

    public string? PageToken { get; private set; }

    public static SeveraQuery Parse(HttpContext context, PagingStyle paging, RowCountLimit limit, IReadOnlyCollection<string> parameters, bool sortable = false)
    {
        var query = new SeveraQuery(paging);
        var accepted = new List<string>(parameters);
        if (paging != PagingStyle.None)
        {
            accepted.Add("rowCount");
            accepted.Add(paging == PagingStyle.Token ? "pageToken" : "firstRow");
        }

        foreach (var (key, values) in context.Request.Query)
        {
            var sorting = SortingKeyPattern().Match(key);
            if (sortable && sorting.Success)
            {
                var index = int.Parse(sorting.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
                var field = sorting.Groups[2].Success ? sorting.Groups[2].Value : sorting.Groups[3].Value;
                var entry = query._sortings.GetValueOrDefault(index);
                var value = values.Count == 1 ? values[0] : throw SeveraErrors.InvalidParameter(key, $"'{key}' is given more than once.");
                query._sortings[index] = string.Equals(field, "key", StringComparison.OrdinalIgnoreCase) ? (value, entry.Value) : (entry.Key, value);
                continue;
            }

            if (!accepted.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw SeveraErrors.InvalidParameter(key, UnknownParameterMessage(key, paging, accepted, sortable, sorting.Success));
            }

            query._values[key] = values;
        }

        if (paging != PagingStyle.None)
        {
            query.RowCount = query.ParseRowCount(limit);
        }

        if (paging == PagingStyle.Row)
        {
            // The vendor binds firstRow to a 32-bit integer: anything larger fails to bind there too.
            var firstRow = query.Long("firstRow") ?? 0;
            query.FirstRow = firstRow is >= 0 and <= int.MaxValue
                ? firstRow
                : throw SeveraErrors.InvalidParameter("firstRow", string.Create(CultureInfo.InvariantCulture, $"firstRow must be between 0 and {int.MaxValue}."));
        }

        if (paging == PagingStyle.Token)
        {
            query.PageToken = query.Single("pageToken");
        }

        return query;
    }

    public string? Single(string name)
    {
        if (!_values.TryGetValue(name, out var values))
        {
            return null;
        }

        var present = values.Where(v => !string.IsNullOrEmpty(v)).ToList();
        return present.Count switch
        {
            0 => null,
            1 => present[0],
            _ => throw SeveraErrors.InvalidParameter(name, $"'{name}' takes one value but was given {present.Count}."),
        };
    }

    public IReadOnlyList<string> Strings(string name) =>
        _values.TryGetValue(name, out var values) ? [.. values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)] : [];

    public bool? Bool(string name)
    {
        var value = Single(name);
        return value is null ? null : bool.TryParse(value, out var parsed) ? parsed : throw NotValid(name, value);
    }

    public long? Long(string name)
    {
        var value = Single(name);
        return value is null ? null : ParseLong(name, value);
    }

    public decimal? Decimal(string name)
    {
        var value = Single(name);
        return value is null ? null
            : decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw NotValid(name, value);
    }

    public IReadOnlyList<long> Longs(string name) => [.. Strings(name).Select(v => ParseLong(name, v))];

    public IReadOnlyList<Guid> Guids(string name) =>
        [.. Strings(name).Select(v => Guid.TryParse(v, out var guid) ? guid : throw SeveraErrors.MalformedGuid(name, v))];

    /// <summary>A timestamp in any form DateTimeOffset reads (the vendor's words); no offset means UTC.</summary>
    public DateTimeOffset? DateTime(string name)
    {
        var value = Single(name);
        return value is null ? null
            : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : throw NotValid(name, value);
    }

    /// <summary>A date: yyyy-MM-dd, or a timestamp whose date part is taken.</summary>
    public DateOnly? Date(string name)
    {
        var value = Single(name);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
            ? DateOnly.FromDateTime(timestamp.DateTime)
            : throw NotValid(name, value);
    }

    public DateTimeOffset? ChangedSince => DateTime("changedSince");

    /// <summary>The sortings, in index order, each key checked against <paramref name="sortableKeys"/>.</summary>
    public IReadOnlyList<Sorting> Sortings(IReadOnlyCollection<string> sortableKeys)
    {
        var result = new List<Sorting>();
        foreach (var (index, (key, value)) in _sortings)
        {
            var location = string.Create(CultureInfo.InvariantCulture, $"sortings[{index}]");
            if (string.IsNullOrEmpty(key))
            {
                throw SeveraErrors.InvalidParameter(location + ".key", $"{location} has no key.");
            }

            var known = sortableKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                ?? throw SeveraErrors.InvalidParameter(location + ".key", $"Sorting by '{key}' is not supported. Sortable fields: {string.Join(", ", sortableKeys)}.");
            var descending = value switch
            {
                _ when string.Equals(value, "Asc", StringComparison.OrdinalIgnoreCase) => false,
                _ when string.Equals(value, "Desc", StringComparison.OrdinalIgnoreCase) => true,
                _ => throw SeveraErrors.InvalidParameter(location + ".value", $"The sort direction '{value}' is not valid: use Asc or Desc."),
            };
            result.Add(new Sorting(known, descending));
        }

        return result;
    }

    /// <summary>Where a token-paged list starts: 0, or the position the pageToken carries (checked against this query).</summary>
    public long PageStart(PageTokenCodec codec, string route)
    {
        if (PageToken is null)
        {
            return 0;
        }

        return codec.Decode(PageToken, Criteria(route), out var position) switch
        {
            PageTokenResult.Valid => position,
            PageTokenResult.OtherCriteria => throw SeveraErrors.InvalidParameter(
                "pageToken",
                "The pageToken was issued for different search criteria: every page must be fetched with the same parameters as the first."),
            _ => throw SeveraErrors.InvalidParameter("pageToken", "The pageToken is not valid."),
        };
    }

    public string NextPageToken(PageTokenCodec codec, string route, long position) => codec.Encode(Criteria(route), position);

    /// <summary>
    /// The route and every parameter but pageToken, normalised (names lower case and sorted, list values sorted,
    /// rowCount at its effective value), so a token is bound to the query, not to its spelling.
    /// </summary>
    private string Criteria(string route)
    {
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in _values)
        {
            var name = key.ToLowerInvariant();
            if (name is "pagetoken" or "rowcount")
            {
                continue;
            }

            parts[name] = string.Join("\u001f", values.Where(v => !string.IsNullOrEmpty(v)).Order(StringComparer.Ordinal));
        }

        foreach (var (index, (key, value)) in _sortings)
        {
            parts[string.Create(CultureInfo.InvariantCulture, $"sortings[{index}]")] = $"{key?.ToLowerInvariant()}\u001f{value?.ToLowerInvariant()}";
        }

        parts["rowcount"] = RowCount.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder(route.ToLowerInvariant());
        foreach (var (name, value) in parts)
        {
            text.Append('\n').Append(name).Append('=').Append(value);
        }

        return text.ToString();
    }

    private int ParseRowCount(RowCountLimit limit)
    {
        var max = limit.Max;
        var value = Long("rowCount") ?? DefaultRowCount;
        if (value > max && limit.Cap)
        {
            return max;
        }

        if (value < 1 || value > max)
        {
            throw SeveraErrors.InvalidParameter(
                "rowCount",
                string.Create(CultureInfo.InvariantCulture, $"rowCount {value} is out of range: the maximum is {max} and the minimum 1."));
        }

        return (int)value;
    }

    private static long ParseLong(string name, string value) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw NotValid(name, value);

    private static SeveraApiException NotValid(string name, string value) =>
        SeveraErrors.InvalidParameter(name, $"The value '{value}' is not valid for {name}.");

    private static string UnknownParameterMessage(string key, PagingStyle paging, List<string> accepted, bool sortable, bool isSorting)
    {
        string reason;
        if (string.Equals(key, "firstRow", StringComparison.OrdinalIgnoreCase) && paging == PagingStyle.Token)
        {
            reason = "firstRow is not supported by this endpoint in v1.0: it pages with pageToken (send back the NextPageToken header's value).";
        }
        else if (string.Equals(key, "pageToken", StringComparison.OrdinalIgnoreCase) && paging == PagingStyle.Row)
        {
            reason = "pageToken is not supported by this endpoint: it pages with firstRow and rowCount.";
        }
        else if (isSorting && !sortable)
        {
            reason = "sortings is not supported by this endpoint in v1.0.";
        }
        else if (Replacement(key, accepted) is { } replacement)
        {
            reason = $"'{key}' is not a parameter of this endpoint in v1.0: use '{replacement}'.";
        }
        else
        {
            reason = $"'{key}' is not a parameter of this endpoint in v1.0.";
        }

        return $"{reason} Accepted: {string.Join(", ", accepted)}{(sortable ? ", sortings" : string.Empty)}.";
    }

    /// <summary>The v1.0 name of a v0.2 parameter: customerGuid became customerGuids, active became isActive, ...</summary>
    private static string? Replacement(string key, List<string> accepted)
    {
        if (key.Length == 0)
        {
            return null;
        }

        string[] candidates = [key + "s", "is" + char.ToUpperInvariant(key[0]) + key[1..]];
        return accepted.FirstOrDefault(a => candidates.Contains(a, StringComparer.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"^sortings\[(\d{1,4})\](?:\[(key|value)\]|\.(key|value))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SortingKeyPattern();
}
