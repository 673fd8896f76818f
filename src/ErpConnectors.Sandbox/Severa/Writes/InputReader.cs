using System.Globalization;
using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Severa.Http;

namespace ErpConnectors.Sandbox.Severa.Writes;

/// <summary>
/// Reads input values (POST bodies, patch values) and collects every problem, each with the path of the
/// offending value, so one 400 lists them all as the vendor's validation errors do.
/// </summary>
internal sealed class InputReader(SeveraSandbox severa)
{
    private readonly List<SeveraErrorDetail> _errors = [];

    public bool HasErrors => _errors.Count > 0;

    public void Fail(string location, string message) => _errors.Add(new SeveraErrorDetail(message, location));

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0)
        {
            throw SeveraErrors.InvalidParameters(_errors);
        }
    }

    public DateOnly? Date(JsonElement value, string location)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            {
                return DateOnly.FromDateTime(timestamp.DateTime);
            }
        }

        Fail(location, $"{location} must be a date (yyyy-MM-dd).");
        return null;
    }

    public decimal? Number(JsonElement value, string location, decimal min, decimal max)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            if (number >= min && number <= max)
            {
                return number;
            }

            Fail(location, string.Create(CultureInfo.InvariantCulture, $"{location} must be between {min} and {max}."));
            return null;
        }

        Fail(location, $"{location} must be a number.");
        return null;
    }

    public string? Text(JsonElement value, string location, int maxLength)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String when value.GetString()!.Length <= maxLength:
                return value.GetString();
            case JsonValueKind.String:
                Fail(location, string.Create(CultureInfo.InvariantCulture, $"{location} is longer than {maxLength} characters."));
                return null;
            default:
                Fail(location, $"{location} must be a string.");
                return null;
        }
    }

    /// <summary>A timestamp (the OpenAPI's date-time): ISO 8601, an offset or Z; without one it is taken as UTC.</summary>
    public DateTimeOffset? Timestamp(JsonElement value, string location)
    {
        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            return timestamp;
        }

        Fail(location, $"{location} must be a date and time (ISO 8601, e.g. 2024-05-02T08:00:00+03:00).");
        return null;
    }

    public bool? Bool(JsonElement value, string location)
    {
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Fail(location, $"{location} must be true or false.");
        return null;
    }

    /// <summary>A reference {"guid": ...} to an existing record; <paramref name="find"/> maps the guid to an index (-1 = none).</summary>
    public int? Reference(JsonElement value, string location, string what, Func<Guid, int> find)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGet("guid", out var guidValue) || guidValue.ValueKind == JsonValueKind.Null)
        {
            Fail(location + ".guid", $"{location}.guid is required.");
            return null;
        }

        if (guidValue.ValueKind != JsonValueKind.String || !Guid.TryParse(guidValue.GetString(), out var guid))
        {
            Fail(location + ".guid", $"{location}.guid must be a guid.");
            return null;
        }

        var index = find(guid);
        if (index < 0)
        {
            Fail(location + ".guid", string.Create(CultureInfo.InvariantCulture, $"{what} with guid '{guid:D}' was not found."));
            return null;
        }

        return index;
    }

    /// <summary>
    /// Money input: both amount and currencyCode, and the currency must be the organisation's (EUR); the error
    /// names the accepted currency, as the vendor documents.
    /// </summary>
    public SeveraMoney? Money(JsonElement value, string location)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Fail(location, $"{location} must be a money object with amount and currencyCode.");
            return null;
        }

        var hasAmount = value.TryGet("amount", out var amount) && amount.ValueKind != JsonValueKind.Null;
        var hasCurrency = value.TryGet("currencyCode", out var currency) && currency.ValueKind != JsonValueKind.Null;
        if (!hasAmount)
        {
            Fail(location + ".amount", $"{location}.amount is required: a money value needs both amount and currencyCode.");
        }

        if (!hasCurrency)
        {
            Fail(location + ".currencyCode", $"{location}.currencyCode is required: a money value needs both amount and currencyCode.");
        }

        if (!hasAmount || !hasCurrency)
        {
            return null;
        }

        var number = Number(amount, location + ".amount", -1_000_000_000m, 1_000_000_000m);
        if (currency.ValueKind != JsonValueKind.String)
        {
            Fail(location + ".currencyCode", $"{location}.currencyCode must be a string.");
            return null;
        }

        var code = currency.GetString()!;
        if (!string.Equals(code, SeveraMoneyExtensions.OrganizationCurrency, StringComparison.Ordinal))
        {
            Fail(
                location + ".currencyCode",
                $"Currency code '{code}' is not valid here: the accepted currencyCode is '{SeveraMoneyExtensions.OrganizationCurrency}'.");
            return null;
        }

        return number is { } n ? SeveraMoneyExtensions.Eur(n) : null;
    }

    public int? User(JsonElement value, string location) => Reference(value, location, "User", severa.Data.UserIndex);

    public int? Phase(JsonElement value, string location) => Reference(value, location, "Phase", severa.Data.PhaseIndex);

    public int? WorkType(JsonElement value, string location) => Reference(value, location, "Work type", severa.Data.WorkTypeIndex);

    public int? Overtime(JsonElement value, string location) => Reference(value, location, "Overtime", severa.Data.OvertimeIndex);

    public int? InvoiceStatus(JsonElement value, string location) => Reference(value, location, "Invoice status", severa.Data.InvoiceStatusIndex);
}
