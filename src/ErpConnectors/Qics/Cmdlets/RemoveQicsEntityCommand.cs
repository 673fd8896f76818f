using System;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>Deletes detail entities (DELETE /V3/odata/{Entity}({Id})); ids bind from the pipeline by property name Id.</summary>
[Cmdlet(VerbsCommon.Remove, "QicsEntity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveQicsEntityCommand : QicsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(QicsEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    protected override void ProcessRecord()
    {
        ValidateEntity(Entity);
        foreach (long id in Id)
        {
            if (ShouldProcess($"{Entity}({id})", "Delete QicsMilestones record"))
            {
                // Not replayed after it may have reached the server: a second DELETE would report a 404 for a success.
                Send(new ApiRequest(HttpMethod.Delete, QicsApi.One(Entity, id)), QicsApi.TypeName(Entity), id, emit: false);
            }
        }
    }
}
