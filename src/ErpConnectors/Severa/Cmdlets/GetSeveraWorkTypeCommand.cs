using System;
using System.Management.Automation;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Gets the work types available on a phase (for New-SeveraWorkHour); phases may be piped.</summary>
[Cmdlet(VerbsCommon.Get, "SeveraWorkType", DefaultParameterSetName = "ByPhaseGuid", SupportsPaging = true)]
[OutputType(SeveraApi.WorkTypeType)]
public sealed class GetSeveraWorkTypeCommand : SeveraListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ByPhaseGuid")]
    public Guid[] PhaseGuid { get; set; } = Array.Empty<Guid>();

    /// <summary>Phases whose work types to get: piped Get-SeveraPhase output.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "ByPhase", ValueFromPipeline = true)]
    [PSTypeName(SeveraApi.PhaseType)]
    public PSObject[] Phase { get; set; } = Array.Empty<PSObject>();

    /// <summary>The user whose work types to get (userGuid); without it Severa answers for the API client's own user.</summary>
    [Parameter]
    public Guid? UserGuid { get; set; }

    protected override void ProcessRecord()
    {
        var phases = ParameterSetName == "ByPhase" ? SeveraRecords.Guids(Phase, this) : PhaseGuid;
        foreach (Guid phase in phases)
        {
            Stream(ApiRequest.Get(SeveraApi.PhaseWorkTypes(phase)).Add("userGuid", UserGuid), SeveraApi.TokenPaging(), SeveraApi.WorkTypeType, "work types");
        }
    }
}
