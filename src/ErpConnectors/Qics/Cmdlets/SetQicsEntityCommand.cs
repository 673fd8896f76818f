using System;
using System.Collections;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>
/// Changes the given properties of a detail entity (PATCH /V3/odata/{Entity}({Id})); other properties keep
/// their values. Setting values is idempotent, so a failed attempt may be retried.
/// </summary>
[Cmdlet(VerbsCommon.Set, "QicsEntity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Record")]
[OutputType(QicsApi.RecordType)]
public sealed class SetQicsEntityCommand : QicsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(QicsEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [NumberText(WholeNumber = true)]
    public long Id { get; set; }

    /// <summary>A record to change, e.g. from Get-QicsEntity: the key is its {Entity}Id property (CustomerId for Customer).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = "Record")]
    public PSObject? InputObject { get; set; }

    /// <summary>The properties to change and their new values.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [ValidateNotNull]
    public Hashtable Property { get; set; } = new();

    /// <summary>Emits the record as the server returns it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        string entity = ValidateEntity(Entity);
        if (ParameterSetName == "Record")
        {
            long[] keys = KeysOf(new[] { InputObject! }, entity);
            if (keys.Length == 0)
            {
                return;
            }

            Id = keys[0];
        }

        if (Property.Count == 0)
        {
            WriteError(ErrorMapper.InvalidArgument("Qics.NothingToChange", $"-Property is empty: nothing to change on {entity}({Id}).", Property));
            return;
        }

        byte[] body;
        try
        {
            body = JsonBody.FromUserInput(Property);
        }
        catch (Exception ex) when (ex is ArgumentException || ex is System.Text.Json.JsonException)
        {
            WriteError(ErrorMapper.InvalidArgument("Qics.InvalidBody", $"-Property cannot be sent as JSON: {ex.Message}", Property));
            return;
        }

        if (!ShouldProcess($"{entity}({Id})", "Update QicsMilestones record"))
        {
            return;
        }

        var runtime = Runtime;
        long id = Id;
        bool emit = PassThru;
        string typeName = QicsApi.TypeName(entity);
        Run(async (output, token) =>
        {
            object? answer = await runtime.SendForValueAsync(new ApiRequest(new HttpMethod("PATCH"), QicsApi.One(entity, id)) { Body = body, Idempotent = true }, typeName, output, token).ConfigureAwait(false);
            if (emit)
            {
                // An OData PATCH may answer 204: read the record back so -PassThru always shows it.
                answer ??= await runtime.SendForValueAsync(ApiRequest.Get(QicsApi.One(entity, id)), typeName, output, token).ConfigureAwait(false);
                await ListCmdletSupport.EmitAsync(output, answer, token).ConfigureAwait(false);
            }
        }, target: id);
    }
}
