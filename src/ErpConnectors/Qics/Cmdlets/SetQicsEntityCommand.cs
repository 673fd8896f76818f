using System;
using System.Collections;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>
/// Changes the given properties of a detail entity (PATCH /V3/odata/{Entity}({Id})); other properties keep
/// their values. Setting values is idempotent, so a failed attempt may be retried.
/// </summary>
[Cmdlet(VerbsCommon.Set, "QicsEntity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("ErpConnectors.Qics.Record")]
public sealed class SetQicsEntityCommand : QicsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(QicsEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public long Id { get; set; }

    /// <summary>The properties to change and their new values.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [ValidateNotNull]
    public Hashtable Property { get; set; } = new();

    /// <summary>Emits the record as the server returns it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        ValidateEntity(Entity);
        if (Property.Count == 0)
        {
            WriteError(ErrorMapper.InvalidArgument("Qics.NothingToChange", $"-Property is empty: nothing to change on {Entity}({Id}).", Property));
            return;
        }

        byte[] body;
        try
        {
            body = JsonBody.FromUserInput(Property);
        }
        catch (ArgumentException ex)
        {
            WriteError(ErrorMapper.InvalidArgument("Qics.InvalidBody", $"-Property cannot be sent as JSON: {ex.Message}", Property));
            return;
        }

        if (ShouldProcess($"{Entity}({Id})", "Update QicsMilestones record"))
        {
            Send(new ApiRequest(new HttpMethod("PATCH"), QicsApi.One(Entity, Id)) { Body = body, Idempotent = true }, QicsApi.TypeName(Entity), Id, emit: PassThru);
        }
    }
}
