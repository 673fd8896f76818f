using System;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Gets Severa addresses (customers' and contact persons'), all of them or by guid.</summary>
[Cmdlet(VerbsCommon.Get, "SeveraAddress", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(SeveraApi.AddressType)]
public sealed class GetSeveraAddressCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByGuid", ValueFromPipelineByPropertyName = true)]
    [Alias("AddressGuid")]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    [Parameter(ParameterSetName = "List")]
    public DateTimeOffset ChangedSince { get; set; }

    /// <summary>
    /// Case-insensitive text in the address line, postal code or city. /addresses takes no textToSearch (the
    /// published OpenAPI lists firstRow, rowCount, calculateRowCount, changedSince only), so the module applies it
    /// to the rows as they stream.
    /// </summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string? TextToSearch { get; set; }

    private bool Matches(object? record) =>
        record is PSObject address && new[] { "addressline", "postalCode", "city" }.Any(property =>
            Convert.ToString(address.Properties[property]?.Value, System.Globalization.CultureInfo.InvariantCulture) is { } text &&
            text.IndexOf(TextToSearch!, StringComparison.OrdinalIgnoreCase) >= 0);

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ByGuid")
        {
            GetByGuid(Guid, SeveraApi.Addresses, SeveraApi.AddressType);
            return;
        }

        var request = ApiRequest.Get(SeveraApi.Addresses)
            .Add("changedSince", IsBound(nameof(ChangedSince)) ? ChangedSince : null);
        Stream(request, SeveraApi.RowPaging(), SeveraApi.AddressType, "addresses", TextToSearch is null ? null : Matches);
    }
}
