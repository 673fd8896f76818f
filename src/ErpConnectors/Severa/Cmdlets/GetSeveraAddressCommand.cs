using System;
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

    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string? TextToSearch { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ByGuid")
        {
            GetByGuid(Guid, SeveraApi.Addresses, SeveraApi.AddressType);
            return;
        }

        var request = ApiRequest.Get(SeveraApi.Addresses)
            .Add("changedSince", IsBound(nameof(ChangedSince)) ? ChangedSince : null)
            .Add("textToSearch", TextToSearch);
        Stream(request, SeveraApi.RowPaging(), SeveraApi.AddressType, "addresses");
    }
}
