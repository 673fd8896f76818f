using System;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>Deletes detail entities (DELETE /V3/odata/{Entity}({Id})); ids bind from the pipeline by property name Id.</summary>
[Cmdlet(VerbsCommon.Remove, "QicsEntity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = "Record")]
[OutputType(typeof(void))]
public sealed class RemoveQicsEntityCommand : QicsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(QicsEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [NumberText(WholeNumber = true)]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>Records to delete, e.g. from Get-QicsEntity: the key is their {Entity}Id property (CustomerId for Customer).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "Record")]
    public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

    protected override void ProcessRecord()
    {
        string entity = ValidateEntity(Entity);
        foreach (long id in ParameterSetName == "Record" ? KeysOf(InputObject, entity) : Id)
        {
            if (ShouldProcess($"{entity}({id})", "Delete QicsMilestones record"))
            {
                // Not replayed after it may have reached the server: a second DELETE would report a 404 for a success.
                Send(new ApiRequest(HttpMethod.Delete, QicsApi.One(entity, id)), QicsApi.TypeName(entity), id, emit: false);
            }
        }
    }
}
