using System;
using System.Globalization;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Gets Severa work hours: all (filtered by date or change), one user's, one project's, or by guid.</summary>
[Cmdlet(VerbsCommon.Get, "SeveraWorkHour", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(SeveraApi.WorkHourType)]
public sealed class GetSeveraWorkHourCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByGuid", ValueFromPipelineByPropertyName = true)]
    [Alias("WorkHourGuid")]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    [Parameter(Mandatory = true, ParameterSetName = "ByUser")]
    public Guid UserGuid { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "ByProject")]
    public Guid ProjectGuid { get; set; }

    [Parameter(ParameterSetName = "List")]
    public DateTimeOffset ChangedSince { get; set; }

    /// <summary>First event date to include (a date; the time of day is ignored).</summary>
    [Parameter(ParameterSetName = "List")]
    [Parameter(ParameterSetName = "ByUser")]
    [Parameter(ParameterSetName = "ByProject")]
    public DateTime StartDate { get; set; }

    /// <summary>Last event date to include.</summary>
    [Parameter(ParameterSetName = "List")]
    [Parameter(ParameterSetName = "ByUser")]
    [Parameter(ParameterSetName = "ByProject")]
    public DateTime EndDate { get; set; }

    protected override void ProcessRecord()
    {
        string route;
        switch (ParameterSetName)
        {
            case "ByGuid":
                GetByGuid(Guid, SeveraApi.WorkHours, SeveraApi.WorkHourType);
                return;
            case "ByUser":
                route = SeveraApi.UserWorkHours(UserGuid);
                break;
            case "ByProject":
                route = SeveraApi.ProjectWorkHours(ProjectGuid);
                break;
            default:
                route = SeveraApi.WorkHours;
                break;
        }

        // /workhours names its date range eventDateStart/eventDateEnd; the per-user and per-project routes startDate/endDate.
        bool all = route == SeveraApi.WorkHours;
        var request = ApiRequest.Get(route)
            .Add("changedSince", IsBound(nameof(ChangedSince)) ? ChangedSince : null)
            .Add(all ? "eventDateStart" : "startDate", IsBound(nameof(StartDate)) ? Day(StartDate) : null)
            .Add(all ? "eventDateEnd" : "endDate", IsBound(nameof(EndDate)) ? Day(EndDate) : null);
        Stream(request, SeveraApi.TokenPaging(), SeveraApi.WorkHourType, "work hours");
    }

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
