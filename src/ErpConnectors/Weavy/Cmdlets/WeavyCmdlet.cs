using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>A cmdlet that talks to Weavy through -Connection or the runspace's default Weavy connection.</summary>
public abstract class WeavyCmdlet : ConnectedCmdlet<WeavyConnection>
{
    protected override string SystemName => WeavyApi.SystemName;

    internal string Project => ResolvedConnection.ProjectCode;

    /// <summary>Sends one request; emits the answer (typed <paramref name="typeName"/>) when asked to.</summary>
    internal void Send(ApiRequest request, string typeName, object target, bool emit)
    {
        var runtime = Runtime; // resolved here: the default connection belongs to this (pipeline) thread's runspace
        Run(async (output, token) =>
        {
            object? answer = await runtime.SendForValueAsync(request, typeName, output, token).ConfigureAwait(false);
            if (emit)
            {
                await ListCmdletSupport.EmitAsync(output, answer, token).ConfigureAwait(false);
            }
        }, target: target);
    }

    /// <summary>
    /// Checks field names against the dictionary (read once per connection) before anything is sent; an entity
    /// the dictionary does not describe is left for the server to judge.
    /// </summary>
    internal void CheckFields(string entity, System.Collections.Generic.IEnumerable<string> fields)
    {
        var runtime = Runtime;
        string project = Project;
        PSObject? description = Run(async (output, token) =>
        {
            try
            {
                return await WeavyDictionary.EntityAsync(runtime, project, entity, output, token).ConfigureAwait(false);
            }
            catch (ApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return null;
            }
        }, target: entity);
        if (description is null)
        {
            return;
        }

        // The code and the server's stamps are on every record, whether or not the dictionary lists them.
        var known = WeavyDictionary.FieldNames(description).Concat(new[] { WeavyApi.CodeField(entity), WeavyApi.ChangeStampField, WeavyApi.ChangeFilterField, WeavyApi.ExportField })
            .Distinct(System.StringComparer.OrdinalIgnoreCase).ToList(); // the dictionary may list the code and srv fields itself
        foreach (string field in fields)
        {
            if (!known.Contains(field, System.StringComparer.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(ErrorMapper.InvalidArgument("Weavy.UnknownField", $"{entity} has no field '{field}'. Its fields: {string.Join(", ", known)}.", field));
            }
        }
    }
}
