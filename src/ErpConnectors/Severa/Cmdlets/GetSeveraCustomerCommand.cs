using System;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Gets Severa customers: every page by default, filtered, or by guid.</summary>
[Cmdlet(VerbsCommon.Get, "SeveraCustomer", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(SeveraApi.CustomerType)]
public sealed class GetSeveraCustomerCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByGuid", ValueFromPipelineByPropertyName = true)]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    [Parameter(ParameterSetName = "List")]
    public DateTime ChangedSince { get; set; }

    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string? TextToSearch { get; set; }

    [Parameter(ParameterSetName = "List")]
    public bool IsActive { get; set; }

    [Parameter(ParameterSetName = "List")]
    public bool IsInternal { get; set; }

    [Parameter(ParameterSetName = "List")]
    public int[]? Number { get; set; }

    [Parameter(ParameterSetName = "List")]
    public Guid[]? CustomerOwnerGuid { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ByGuid")
        {
            GetByGuid(Guid, SeveraApi.Customers, SeveraApi.CustomerType);
            return;
        }

        var request = ApiRequest.Get(SeveraApi.Customers)
            .Add("changedSince", IsBound(nameof(ChangedSince)) ? ChangedSince : null)
            .Add("textToSearch", TextToSearch)
            .Add("isActive", IsBound(nameof(IsActive)) ? IsActive : null)
            .Add("isInternal", IsBound(nameof(IsInternal)) ? IsInternal : null)
            .AddEach("numbers", Number)
            .AddEach("customerOwnerGuids", CustomerOwnerGuid);
        Stream(request, SeveraApi.TokenPaging(), SeveraApi.CustomerType, "customers");
    }
}
