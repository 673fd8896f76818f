using System;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Gets Severa users, all of them, filtered, or by guid.</summary>
[Cmdlet(VerbsCommon.Get, "SeveraUser", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(SeveraApi.UserType)]
public sealed class GetSeveraUserCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByGuid", ValueFromPipelineByPropertyName = true)]
    [Alias("UserGuid")]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    [Parameter(ParameterSetName = "List")]
    public DateTimeOffset ChangedSince { get; set; }

    [Parameter(ParameterSetName = "List")]
    public bool IsActive { get; set; }

    [Parameter(ParameterSetName = "List")]
    public Guid[]? BusinessUnitGuid { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ByGuid")
        {
            GetByGuid(Guid, SeveraApi.Users, SeveraApi.UserType);
            return;
        }

        var request = ApiRequest.Get(SeveraApi.Users)
            .Add("changedSince", IsBound(nameof(ChangedSince)) ? ChangedSince : null)
            .Add("isActive", IsBound(nameof(IsActive)) ? IsActive : null)
            .AddEach("businessUnitGuids", BusinessUnitGuid);
        Stream(request, SeveraApi.TokenPaging(), SeveraApi.UserType, "users");
    }
}
