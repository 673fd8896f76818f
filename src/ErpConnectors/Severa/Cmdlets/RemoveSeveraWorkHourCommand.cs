using System;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa.Cmdlets;

/// <summary>Deletes work hours (DELETE /workhours/{guid}); guids bind from piped work hours.</summary>
[Cmdlet(VerbsCommon.Remove, "SeveraWorkHour", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveSeveraWorkHourCommand : SeveraWriteCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("WorkHourGuid")]
    public Guid[] Guid { get; set; } = Array.Empty<Guid>();

    protected override void ProcessRecord()
    {
        foreach (Guid guid in Guid)
        {
            if (ShouldProcess($"work hour {guid}", "Delete Severa work hour"))
            {
                Send(new ApiRequest(HttpMethod.Delete, SeveraApi.One(SeveraApi.WorkHours, guid)), SeveraApi.WorkHourType, guid, emit: false);
            }
        }
    }
}
