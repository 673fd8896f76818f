using System;
using System.Management.Automation;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>
/// Gets Severa project phases: a project's whole phase tree with its hierarchy (phaseswithhierarchy; also from
/// piped projects), phases across projects (filtered), or by guid.
/// </summary>
[Cmdlet(VerbsCommon.Get, "SeveraPhase", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(SeveraApi.PhaseType)]
public sealed class GetSeveraPhaseCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByGuid", ValueFromPipelineByPropertyName = true)]
    [Alias("PhaseGuid")]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    /// <summary>Projects whose phase trees to get: piped Get-SeveraProject output.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "ByProject", ValueFromPipeline = true)]
    [PSTypeName(SeveraApi.ProjectType)]
    public PSObject[] Project { get; set; } = Array.Empty<PSObject>();

    /// <summary>A project's phase tree (every phase with its parent), by project guid.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "ByProjectGuid")]
    public Guid[] ProjectGuid { get; set; } = Array.Empty<Guid>();

    [Parameter(ParameterSetName = "List")]
    public DateTimeOffset ChangedSince { get; set; }

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case "ByGuid":
                GetByGuid(Guid, SeveraApi.Phases, SeveraApi.PhaseType);
                return;
            case "ByProject":
                foreach (Guid project in SeveraRecords.Guids(Project, this))
                {
                    StreamTree(project);
                }

                return;
            case "ByProjectGuid":
                foreach (Guid project in ProjectGuid)
                {
                    StreamTree(project);
                }

                return;
        }

        var request = ApiRequest.Get(SeveraApi.Phases).Add("changedSince", IsBound(nameof(ChangedSince)) ? ChangedSince : null);
        Stream(request, SeveraApi.TokenPaging(), SeveraApi.PhaseType, "phases");
    }

    // phaseswithhierarchy is one unpaged answer: the whole tree of one project.
    private void StreamTree(Guid project) =>
        Stream(ApiRequest.Get(SeveraApi.ProjectPhasesWithHierarchy(project)), SingleShotPaging.Instance, SeveraApi.PhaseType, "phases");
}
