using System;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Gets Severa projects: all, filtered, a customer's (also from piped customers), or by guid.</summary>
[Cmdlet(VerbsCommon.Get, "SeveraProject", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(SeveraApi.ProjectType)]
public sealed class GetSeveraProjectCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByGuid", ValueFromPipelineByPropertyName = true)]
    [Alias("ProjectGuid")]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    /// <summary>Customers whose projects to get: piped Get-SeveraCustomer output.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "ByCustomer", ValueFromPipeline = true)]
    [PSTypeName(SeveraApi.CustomerType)]
    public PSObject[] Customer { get; set; } = Array.Empty<PSObject>();

    [Parameter(ParameterSetName = "List")]
    public Guid[]? CustomerGuid { get; set; }

    [Parameter(ParameterSetName = "List")]
    public DateTimeOffset ChangedSince { get; set; }

    [Parameter(ParameterSetName = "List")]
    public Guid[]? ProjectOwnerGuid { get; set; }

    [Parameter(ParameterSetName = "List")]
    public int[]? Number { get; set; }

    [Parameter(ParameterSetName = "List")]
    public bool IsClosed { get; set; }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case "ByGuid":
                GetByGuid(Guid, SeveraApi.Projects, SeveraApi.ProjectType);
                return;
            case "ByCustomer":
                foreach (Guid customer in SeveraRecords.Guids(Customer, this))
                {
                    Stream(ApiRequest.Get(SeveraApi.CustomerProjects(customer)), SeveraApi.TokenPaging(), SeveraApi.ProjectType, "projects");
                }

                return;
        }

        var request = ApiRequest.Get(SeveraApi.Projects)
            .AddEach("customerGuids", CustomerGuid)
            .Add("changedSince", IsBound(nameof(ChangedSince)) ? ChangedSince : null)
            .AddEach("projectOwnerGuids", ProjectOwnerGuid)
            .AddEach("numbers", Number)
            .Add("isClosed", IsBound(nameof(IsClosed)) ? IsClosed : null);
        Stream(request, SeveraApi.TokenPaging(), SeveraApi.ProjectType, "projects");
    }
}
