using System;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>
/// Gets the work hours deleted in Severa (GET /deletedworkhours): what a sync that reads -ChangedSince needs to
/// remove, since a changedSince list never includes deleted rows.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SeveraDeletedWorkHour", SupportsPaging = true)]
[OutputType(SeveraApi.DeletedWorkHourType)]
public sealed class GetSeveraDeletedWorkHourCommand : SeveraListCmdlet
{
    /// <summary>Only work hours deleted at or after this time (deletedSince).</summary>
    [Parameter(Position = 0)]
    public DateTimeOffset DeletedSince { get; set; }

    [Parameter]
    public Guid[]? ProjectGuid { get; set; }

    [Parameter]
    public Guid[]? UserGuid { get; set; }

    protected override void ProcessRecord()
    {
        var request = ApiRequest.Get(SeveraApi.DeletedWorkHours)
            .Add("deletedSince", IsBound(nameof(DeletedSince)) ? DeletedSince : null)
            .AddEach("projectGuids", ProjectGuid)
            .AddEach("userGuids", UserGuid);
        Stream(request, SeveraApi.TokenPaging(), SeveraApi.DeletedWorkHourType, "deleted work hours");
    }
}
