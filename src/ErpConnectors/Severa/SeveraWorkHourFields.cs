using System;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;

namespace ErpConnectors.Severa;

/// <summary>
/// The optional work hour fields New- and Set-SeveraWorkHour write besides the guide's example, by the names of
/// the published OpenAPI's WorkHourInputModel: isBillable, startTime, endTime, overtime, invoiceQuantity,
/// invoiceRowDescription. Times travel as ISO 8601 with their offset, so the wall-clock time and the instant both survive.
/// </summary>
internal static class SeveraWorkHourFields
{
    public static string Time(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Null when valid; an end at or before the start is refused before anything is sent.</summary>
    public static ErrorRecord? InvalidTimes(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } s && end is { } e && e <= s
            ? ErrorMapper.InvalidArgument("Severa.EndBeforeStart", $"-EndTime ({Time(e)}) must be after -StartTime ({Time(s)}).", end)
            : null;

    public static void Add(OrderedDictionary body, bool? isBillable, DateTimeOffset? start, DateTimeOffset? end, Guid? overtime, decimal? invoiceQuantity, string? invoiceRowDescription)
    {
        foreach (var (name, value) in Values(isBillable, start, end, overtime, invoiceQuantity, invoiceRowDescription))
        {
            body[name] = value;
        }
    }

    public static void Replace(JsonPatch patch, bool? isBillable, DateTimeOffset? start, DateTimeOffset? end, Guid? overtime, decimal? invoiceQuantity, string? invoiceRowDescription)
    {
        foreach (var (name, value) in Values(isBillable, start, end, overtime, invoiceQuantity, invoiceRowDescription))
        {
            patch.Replace(name, value);
        }
    }

    private static System.Collections.Generic.IEnumerable<(string Name, object? Value)> Values(bool? isBillable, DateTimeOffset? start, DateTimeOffset? end, Guid? overtime, decimal? invoiceQuantity, string? invoiceRowDescription)
    {
        if (isBillable is { } billable)
        {
            yield return ("isBillable", billable);
        }

        if (start is { } s)
        {
            yield return ("startTime", Time(s));
        }

        if (end is { } e)
        {
            yield return ("endTime", Time(e));
        }

        if (overtime is { } o)
        {
            yield return ("overtime", SeveraApi.Reference(o));
        }

        if (invoiceQuantity is { } q)
        {
            yield return ("invoiceQuantity", q);
        }

        if (invoiceRowDescription is not null)
        {
            yield return ("invoiceRowDescription", invoiceRowDescription);
        }
    }
}
