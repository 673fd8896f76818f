using System.Globalization;
using System.Text.RegularExpressions;

namespace ErpConnectors.Sandbox.Severa.Data;

/// <summary>
/// Customers, their contact persons (two each) and addresses (headquarters plus one per contact), each
/// computed from its index on demand. Contact c belongs to customer c / 2; address a to customer a / 3
/// (a % 3 == 0 is the headquarters, 1 and 2 the contacts'). Nothing here grows with the customer count.
/// </summary>
internal sealed partial class CustomerRows
{
    public const int FirstCustomerNumber = 10000;

    private readonly int _seed;
    private readonly GuidCodec _guids;
    private readonly Catalog _catalog;
    private readonly string _numberFormat;
    private readonly Timeline _customerTimes;
    private readonly Timeline _contactTimes;
    private readonly Timeline _addressTimes;

    public CustomerRows(int seed, int count, GuidCodec guids, Catalog catalog)
    {
        _seed = seed;
        _guids = guids;
        _catalog = catalog;
        Count = count;
        _numberFormat = "D" + Math.Max(6, count.ToString(CultureInfo.InvariantCulture).Length).ToString(CultureInfo.InvariantCulture);
        _customerTimes = new Timeline(seed, EntityKind.Customer, count);
        _contactTimes = new Timeline(seed, EntityKind.ContactPerson, ContactCount);
        _addressTimes = new Timeline(seed, EntityKind.Address, AddressCount);
    }

    public long Count { get; }

    public long ContactCount => Count * 2;

    public long AddressCount => Count * 3;

    public Timeline CustomerTimes => _customerTimes;

    public Timeline ContactTimes => _contactTimes;

    public Timeline AddressTimes => _addressTimes;

    // ---- customers ----

    public Guid CustomerGuid(long index) => _guids.Encode(EntityKind.Customer, index);

    public long IndexOfCustomer(Guid guid) => InRange(_guids.Decode(EntityKind.Customer, guid), Count);

    public string CustomerName(long index) =>
        $"Customer {Padded(index)} {Words.CompanySuffixes[StableHash.Pick(_seed, EntityKind.Customer, index, 1, Words.CompanySuffixes.Length)]}";

    public int CustomerNumber(long index) => checked(FirstCustomerNumber + (int)index);

    public long IndexOfNumber(long number) => InRange(number - FirstCustomerNumber, Count);

    /// <summary>The customer with exactly this name (case-insensitive), or -1.</summary>
    public long IndexOfName(string name)
    {
        var match = CustomerNamePattern().Match(name);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
        {
            return -1;
        }

        var index = InRange(ordinal - 1, Count);
        return index >= 0 && string.Equals(CustomerName(index), name, StringComparison.OrdinalIgnoreCase) ? index : -1;
    }

    /// <summary>The customer with exactly this e-mail address (case-insensitive), or -1.</summary>
    public long IndexOfEmail(string email)
    {
        var match = CustomerEmailPattern().Match(email);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ordinal))
        {
            return -1;
        }

        var index = InRange(ordinal - 1, Count);
        return index >= 0 && string.Equals(CustomerEmail(index), email, StringComparison.OrdinalIgnoreCase) ? index : -1;
    }

    public bool CustomerIsActive(long index) => !StableHash.Percent(_seed, EntityKind.Customer, index, 2, 5);

    /// <summary>The first customer is the organisation itself; a few others are internal too.</summary>
    public bool CustomerIsInternal(long index) => index % 997 == 0;

    public int CustomerOwnerUserIndex(long index) =>
        _catalog.ActiveUserIndexes[StableHash.Pick(_seed, EntityKind.Customer, index, 3, _catalog.ActiveUserIndexes.Count)];

    public SeveraGuidName CustomerRef(long index) => new(CustomerGuid(index), CustomerName(index));

    public SeveraCustomer Customer(long index)
    {
        var updated = _customerTimes.At(index);
        var hq = Address(index * 3);
        var owner = _catalog.Users[CustomerOwnerUserIndex(index)];
        var notes = StableHash.Percent(_seed, EntityKind.Customer, index, 4, 70)
            ? null
            : Words.Notes[StableHash.Pick(_seed, EntityKind.Customer, index, 5, Words.Notes.Length)];
        var vat = string.Create(CultureInfo.InvariantCulture, $"{hq.Country.Code}{StableHash.Of(_seed, EntityKind.Customer, index, 6) % 100_000_000:D8}");
        return new SeveraCustomer(
            CustomerGuid(index),
            CustomerName(index),
            CustomerNumber(index),
            CustomerIsActive(index),
            CustomerIsInternal(index),
            notes,
            CustomerEmail(index),
            $"https://www.{Domain(index)}",
            vat,
            new SeveraAddressSummary(hq.Guid, hq.Addressline, hq.PostalCode, hq.City, hq.Country),
            new SeveraGuidName(owner.Guid, owner.Name),
            updated.AddDays(-StableHash.Pick(_seed, EntityKind.Customer, index, 7, 900)),
            updated);
    }

    // ---- contact persons ----

    public Guid ContactGuid(long index) => _guids.Encode(EntityKind.ContactPerson, index);

    public long IndexOfContact(Guid guid) => InRange(_guids.Decode(EntityKind.ContactPerson, guid), ContactCount);

    public bool ContactIsActive(long index) => !StableHash.Percent(_seed, EntityKind.ContactPerson, index, 1, 8);

    public string ContactFirstName(long index) =>
        Words.FirstNames[StableHash.Pick(_seed, EntityKind.ContactPerson, index, 2, Words.FirstNames.Length)];

    public string ContactLastName(long index) =>
        Words.LastNames[StableHash.Pick(_seed, EntityKind.ContactPerson, index, 3, Words.LastNames.Length)];

    public string ContactEmail(long index) =>
        $"{ContactFirstName(index)}.{ContactLastName(index)}@{Domain(index / 2)}".ToLowerInvariant();

    public string ContactPhone(long index) =>
        string.Create(CultureInfo.InvariantCulture, $"+358 40 {StableHash.Of(_seed, EntityKind.ContactPerson, index, 4) % 10_000_000:D7}");

    /// <summary>The vendor's textToSearch for contact persons: name or communication method (phone, e-mail).</summary>
    public bool ContactMatchesText(long index, string text)
    {
        var first = ContactFirstName(index);
        var last = ContactLastName(index);
        return Contains(first, text) || Contains(last, text) || Contains($"{first} {last}", text)
            || Contains(ContactEmail(index), text) || Contains(ContactPhone(index), text);
    }

    public SeveraContactPerson ContactPerson(long index)
    {
        var customer = index / 2;
        var updated = _contactTimes.At(index);
        var email = ContactEmail(index);
        var phone = ContactPhone(index);
        return new SeveraContactPerson(
            ContactGuid(index),
            ContactFirstName(index),
            ContactLastName(index),
            email,
            phone,
            Words.Titles[StableHash.Pick(_seed, EntityKind.ContactPerson, index, 5, Words.Titles.Length)],
            CustomerRef(customer),
            AddressGuid((customer * 3) + 1 + (index % 2)),
            ContactIsActive(index),
            [new SeveraCommunicationMethod("Email", email), new SeveraCommunicationMethod("Phone", phone)],
            updated.AddDays(-StableHash.Pick(_seed, EntityKind.ContactPerson, index, 6, 900)),
            updated);
    }

    // ---- addresses ----

    public Guid AddressGuid(long index) => _guids.Encode(EntityKind.Address, index);

    public long IndexOfAddress(Guid guid) => InRange(_guids.Decode(EntityKind.Address, guid), AddressCount);

    public SeveraAddress Address(long index)
    {
        var customer = index / 3;
        var role = index % 3;
        var countryIndex = StableHash.Percent(_seed, EntityKind.Address, index, 1, 80)
            ? 0
            : StableHash.Pick(_seed, EntityKind.Address, index, 2, _catalog.Countries.Count);
        var (postalCode, city) = Words.FinnishCities[StableHash.Pick(_seed, EntityKind.Address, index, 3, Words.FinnishCities.Length)];
        var street = Words.Streets[StableHash.Pick(_seed, EntityKind.Address, index, 4, Words.Streets.Length)];
        var houseNumber = 1 + StableHash.Pick(_seed, EntityKind.Address, index, 5, 120);
        SeveraGuidName? contact = null;
        if (role > 0)
        {
            var contactIndex = (customer * 2) + role - 1;
            contact = new SeveraGuidName(ContactGuid(contactIndex), $"{ContactFirstName(contactIndex)} {ContactLastName(contactIndex)}");
        }

        var updated = _addressTimes.At(index);
        return new SeveraAddress(
            AddressGuid(index),
            string.Create(CultureInfo.InvariantCulture, $"{street} {houseNumber}"),
            postalCode,
            city,
            _catalog.Countries[countryIndex],
            CustomerRef(customer),
            contact,
            updated.AddDays(-StableHash.Pick(_seed, EntityKind.Address, index, 6, 900)),
            updated);
    }

    private string CustomerEmail(long index) => $"info@{Domain(index)}";

    private string Domain(long index) => $"customer{Padded(index)}.example";

    private string Padded(long index) => (index + 1).ToString(_numberFormat, CultureInfo.InvariantCulture);

    private static bool Contains(string value, string text) => value.Contains(text, StringComparison.OrdinalIgnoreCase);

    private static long InRange(long index, long count) => index >= 0 && index < count ? index : -1;

    [GeneratedRegex(@"^Customer (\d+) ", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CustomerNamePattern();

    [GeneratedRegex(@"^info@customer(\d+)\.example$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CustomerEmailPattern();
}
