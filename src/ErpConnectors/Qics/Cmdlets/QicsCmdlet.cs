using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>A cmdlet that talks to QicsMilestones through -Connection or the runspace's default Qics connection.</summary>
public abstract class QicsCmdlet : ConnectedCmdlet<QicsConnection>
{
    protected override string SystemName => QicsApi.SystemName;

    /// <summary>
    /// The entity in its documented spelling; an entity name that is not a plain path segment is refused before
    /// anything is sent.
    /// </summary>
    internal string ValidateEntity(string entity)
    {
        if (!QicsApi.IsValidEntityName(entity))
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Qics.InvalidEntity", $"'{entity}' is not an entity name (letters, digits and underscores, such as Customer or OverviewCustomer).", entity));
        }

        return QicsApi.Canonical(entity);
    }

    /// <summary>The keys of piped records ({Entity}Id, else Id); a record without one is an error for that record.</summary>
    internal long[] KeysOf(PSObject[] records, string entity)
    {
        var keys = new System.Collections.Generic.List<long>();
        foreach (PSObject record in records)
        {
            if (QicsApi.KeyOf(record, entity) is { } key)
            {
                keys.Add(key);
            }
            else
            {
                string bare = entity.StartsWith("Overview", System.StringComparison.Ordinal) ? entity.Substring("Overview".Length) : entity;
                WriteError(ErrorMapper.InvalidArgument("Qics.RecordWithoutKey", $"The piped record has no {bare}Id or Id property to name a {entity} record.", record));
            }
        }

        return keys.ToArray();
    }

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

    /// <summary>Streams an OData query (every page, never the server's 50-row default) to the pipeline.</summary>
    internal void StreamQuery(string entity, string? filter, string[]? orderBy, string[]? select, int pageSize, string typeName)
    {
        var request = ApiRequest.Get(QicsApi.Collection(entity))
            .Add("$filter", string.IsNullOrWhiteSpace(filter) ? null : filter)
            .Add("$orderby", orderBy is { Length: > 0 } ? string.Join(",", orderBy) : null)
            .Add("$select", select is { Length: > 0 } ? string.Join(",", select) : null);
        ListCmdletSupport.Stream(this, Runtime, request, QicsApi.Paging(), typeName, $"Reading Qics {entity}", pageSize, QicsApi.ValueProperty);
    }
}
