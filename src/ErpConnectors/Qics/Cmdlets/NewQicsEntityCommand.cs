using System.Collections;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>
/// Creates a detail entity (POST /V3/odata/{Entity}) from a hashtable or a piped object, and returns it with its
/// new id. A create is never replayed once it may have reached the server.
/// </summary>
[Cmdlet(VerbsCommon.New, "QicsEntity", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(QicsApi.RecordType)]
public sealed class NewQicsEntityCommand : QicsCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(QicsEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    /// <summary>The new record's properties: a hashtable, or an object (Import-Csv row, Select-Object shape) from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject Property { get; set; } = new();

    protected override void ProcessRecord()
    {
        string entity = ValidateEntity(Entity);
        byte[] body;
        try
        {
            body = JsonBody.FromUserInput(Property);
        }
        catch (System.Exception ex) when (ex is System.ArgumentException || ex is System.Text.Json.JsonException)
        {
            WriteError(ErrorMapper.InvalidArgument("Qics.InvalidBody", $"The record cannot be sent as JSON: {ex.Message}", Property));
            return;
        }

        if (ShouldProcess(entity, "Create QicsMilestones record"))
        {
            Send(new ApiRequest(HttpMethod.Post, QicsApi.Collection(entity)) { Body = body }, QicsApi.TypeName(entity), Property, emit: true);
        }
    }
}
