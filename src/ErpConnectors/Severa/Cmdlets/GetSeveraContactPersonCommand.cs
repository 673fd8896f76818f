using System;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Gets Severa contact persons: all of them, one customer's (also from piped customers), or by guid.</summary>
[Cmdlet(VerbsCommon.Get, "SeveraContactPerson", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(SeveraApi.ContactPersonType)]
public sealed class GetSeveraContactPersonCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByGuid", ValueFromPipelineByPropertyName = true)]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    /// <summary>Customers whose contact persons to get: piped Get-SeveraCustomer output.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "ByCustomer", ValueFromPipeline = true)]
    [PSTypeName(SeveraApi.CustomerType)]
    public PSObject[] Customer { get; set; } = Array.Empty<PSObject>();

    [Parameter(Mandatory = true, ParameterSetName = "ByCustomerGuid")]
    public Guid[] CustomerGuid { get; set; } = Array.Empty<Guid>();

    [Parameter(ParameterSetName = "List")]
    public DateTimeOffset ChangedSince { get; set; }

    [Parameter(ParameterSetName = "List")]
    [Parameter(ParameterSetName = "ByCustomer")]
    [Parameter(ParameterSetName = "ByCustomerGuid")]
    [ValidateNotNullOrEmpty]
    public string? TextToSearch { get; set; }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case "ByGuid":
                GetByGuid(Guid, SeveraApi.ContactPersons, SeveraApi.ContactPersonType);
                return;
            case "ByCustomer":
                foreach (Guid customer in SeveraRecords.Guids(Customer, this))
                {
                    StreamCustomer(customer);
                }

                return;
            case "ByCustomerGuid":
                foreach (Guid customer in CustomerGuid)
                {
                    StreamCustomer(customer);
                }

                return;
        }

        var request = ApiRequest.Get(SeveraApi.ContactPersons)
            .Add("changedSince", IsBound(nameof(ChangedSince)) ? ChangedSince : null)
            .Add("textToSearch", TextToSearch);
        Stream(request, SeveraApi.RowPaging(), SeveraApi.ContactPersonType, "contact persons");
    }

    private void StreamCustomer(Guid customer) =>
        Stream(ApiRequest.Get(SeveraApi.CustomerContactPersons(customer)).Add("textToSearch", TextToSearch), SeveraApi.RowPaging(), SeveraApi.ContactPersonType, "contact persons");
}
