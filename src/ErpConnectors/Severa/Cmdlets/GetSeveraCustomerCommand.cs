using System;
using System.Linq;
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
    public DateTimeOffset ChangedSince { get; set; }

    /// <summary>
    /// Case-insensitive text in the name, number or e-mail. Severa v1.0 dropped textToSearch on /customers, so
    /// the module applies it to the rows as they stream (every page is still read; prefer -Name or -ChangedSince).
    /// </summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string? TextToSearch { get; set; }

    /// <summary>Exact customer names (customerNames).</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    /// <summary>Exact e-mail addresses (emailAddresses).</summary>
    [Parameter(ParameterSetName = "List")]
    [ValidateNotNullOrEmpty]
    public string[]? EmailAddress { get; set; }

    [Parameter(ParameterSetName = "List")]
    public bool IsActive { get; set; }

    [Parameter(ParameterSetName = "List")]
    public bool IsInternal { get; set; }

    [Parameter(ParameterSetName = "List")]
    public int[]? Number { get; set; }

    [Parameter(ParameterSetName = "List")]
    public Guid[]? CustomerOwnerGuid { get; set; }

    private bool Matches(object? record) =>
        record is PSObject customer && new[] { "name", "number", "email" }.Any(property =>
            Convert.ToString(customer.Properties[property]?.Value, System.Globalization.CultureInfo.InvariantCulture) is { } text &&
            text.IndexOf(TextToSearch!, StringComparison.OrdinalIgnoreCase) >= 0);

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ByGuid")
        {
            GetByGuid(Guid, SeveraApi.Customers, SeveraApi.CustomerType);
            return;
        }

        var request = ApiRequest.Get(SeveraApi.Customers)
            .Add("changedSince", IsBound(nameof(ChangedSince)) ? ChangedSince : null)
            .AddEach("customerNames", Name)
            .AddEach("emailAddresses", EmailAddress)
            .Add("isActive", IsBound(nameof(IsActive)) ? IsActive : null)
            .Add("isInternal", IsBound(nameof(IsInternal)) ? IsInternal : null)
            .AddEach("numbers", Number)
            .AddEach("customerOwnerGuids", CustomerOwnerGuid);
        Stream(request, SeveraApi.TokenPaging(), SeveraApi.CustomerType, "customers", TextToSearch is null ? null : Matches);
    }
}
