using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics.Cmdlets;

/// <summary>
/// Records a synchronization result in QicsMilestones' EntityState: one record per (CompanyId, DataSource,
/// EntityType, EntityId), created the first time and updated after that, never duplicated. Results for the same
/// object in one run (several rows, several -Message values) become one record whose messages are merged, as the
/// vendor asks. Parameters bind from the pipeline by property name, so a CSV of results can be piped in.
/// </summary>
[Cmdlet(VerbsCommon.Set, "QicsEntityState", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(QicsApi.EntityStateType)]
public sealed class SetQicsEntityStateCommand : QicsCmdlet
{
    private readonly List<Result> _results = new();

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [NumberText(WholeNumber = true)]
    public long CompanyId { get; set; }

    /// <summary>The external system's name, e.g. CRM.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string DataSource { get; set; } = string.Empty;

    /// <summary>One of the documented entity types (General for problems bound to no entity).</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(QicsEntityTypeCompleter))]
    [ValidateNotNullOrEmpty]
    public string EntityType { get; set; } = string.Empty;

    /// <summary>The QicsMilestones id of the object; 0 when it does not exist (yet), and with General.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, long.MaxValue)]
    [NumberText(WholeNumber = true)]
    public long EntityId { get; set; }

    /// <summary>The object's key in the external system.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string? DataSourceKey { get; set; }

    /// <summary>When the synchronization was attempted (default: now).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public DateTimeOffset? DataSourceDate { get; set; }

    /// <summary>Whether the attempt failed. Takes True/False text from CSV files.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BooleanText]
    public bool IsError { get; set; }

    /// <summary>What happened; several messages for one object are merged into one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string[]? Message { get; set; }

    /// <summary>Emits each EntityState record as stored.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Rows are collected first so that every result for one object lands in its one record.</summary>
    protected override void ProcessRecord()
    {
        string? type = QicsApi.CanonicalEntityType(EntityType);
        if (type is null)
        {
            WriteError(ErrorMapper.InvalidArgument("Qics.InvalidEntityType", $"'{EntityType}' is not an EntityState entity type. Allowed: {string.Join(", ", QicsApi.EntityTypes)}.", EntityType));
            return;
        }

        if (type == "General" && EntityId != 0)
        {
            WriteError(ErrorMapper.InvalidArgument("Qics.GeneralWithEntityId", $"EntityType General records problems bound to no entity: its EntityId must be 0, not {EntityId}.", EntityId));
            return;
        }

        _results.Add(new Result(CompanyId, DataSource, type, EntityId, DataSourceKey, DataSourceDate ?? DateTimeOffset.Now, IsError, Message ?? Array.Empty<string>()));
    }

    protected override void EndProcessing()
    {
        foreach (var group in _results.GroupBy(r => (r.CompanyId, DataSource: r.DataSource.ToUpperInvariant(), r.EntityType, r.EntityId)))
        {
            Result first = group.First();
            var messages = group.SelectMany(r => r.Messages).Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m.Trim()).Distinct(StringComparer.Ordinal).ToList();
            // EntityStateId, DataSourceDate and IsError are "Required" on the vendor's help pages (V3 POST, V2 PUT):
            // always sent, the id 0 on a create (the server assigns it), the date in UTC as the pages describe it.
            var body = new OrderedDictionary
            {
                ["EntityStateId"] = 0L,
                ["CompanyId"] = first.CompanyId,
                ["DataSource"] = first.DataSource,
                ["EntityType"] = first.EntityType,
                ["EntityId"] = first.EntityId,
                ["DataSourceKey"] = group.Select(r => r.DataSourceKey).LastOrDefault(k => !string.IsNullOrEmpty(k)),
                ["DataSourceDate"] = group.Max(r => r.DataSourceDate).ToUniversalTime(),
                ["IsError"] = group.Any(r => r.IsError),
                ["Message"] = messages.Count == 0 ? null : string.Join("\n", messages),
            };
            string target = $"{first.EntityType} {first.EntityId} of company {first.CompanyId} from {first.DataSource}";
            if (ShouldProcess(target, "Record QicsMilestones EntityState"))
            {
                Upsert(body, first, target);
            }
        }
    }

    // Find the one record for the combination and replace it, or create it; if someone created it in between
    // (409 from the uniqueness rule), find it again and replace it. Never a second record.
    private void Upsert(OrderedDictionary body, Result key, string target)
    {
        ConnectionRuntime runtime = Runtime;
        bool emit = PassThru;
        Run(async (output, token) =>
        {
            for (int attempt = 0; ; attempt++)
            {
                long? existing = await FindAsync(runtime, key, output, token).ConfigureAwait(false);
                try
                {
                    object? stored = existing is { } id
                        ? await runtime.SendForValueAsync(new ApiRequest(HttpMethod.Put, QicsApi.One(QicsApi.EntityState, id)) { Body = JsonBody.Serialize(WithId(body, id)), Idempotent = true }, QicsApi.TypeName(QicsApi.EntityState), output, token).ConfigureAwait(false)
                        : await runtime.SendForValueAsync(new ApiRequest(HttpMethod.Post, QicsApi.Collection(QicsApi.EntityState)) { Body = JsonBody.Serialize(body) }, QicsApi.TypeName(QicsApi.EntityState), output, token).ConfigureAwait(false);
                    if (emit)
                    {
                        // A PUT may answer 204: read the record back so -PassThru always shows what is stored.
                        stored ??= existing is { } stored204 ? await runtime.SendForValueAsync(ApiRequest.Get(QicsApi.One(QicsApi.EntityState, stored204)), QicsApi.TypeName(QicsApi.EntityState), output, token).ConfigureAwait(false) : null;
                        await ListCmdletSupport.EmitAsync(output, stored, token).ConfigureAwait(false);
                    }

                    return;
                }
                catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.Conflict && existing is null && attempt == 0)
                {
                    output.Verbose($"Qics: an EntityState for {target} appeared meanwhile; updating it instead.");
                }
            }
        }, target: target);
    }

    private static async Task<long?> FindAsync(ConnectionRuntime runtime, Result key, ICallOutput output, CancellationToken token)
    {
        string filter = string.Format(CultureInfo.InvariantCulture, "CompanyId eq {0} and DataSource eq {1} and EntityType eq {2} and EntityId eq {3}", key.CompanyId, QicsApi.Literal(key.DataSource), QicsApi.Literal(key.EntityType), key.EntityId);
        var request = ApiRequest.Get(QicsApi.Collection(QicsApi.EntityState)).Add("$filter", filter).Add("$top", 2);
        object? answer = await runtime.SendForValueAsync(request, QicsApi.TypeName(QicsApi.EntityState), output, token).ConfigureAwait(false);
        object? first = answer switch
        {
            object?[] items => items.FirstOrDefault(),
            PSObject envelope when envelope.Properties[QicsApi.ValueProperty]?.Value is object?[] items => items.FirstOrDefault(),
            _ => null,
        };
        return first is PSObject record && record.Properties["EntityStateId"]?.Value is { } id ? Convert.ToInt64(id, CultureInfo.InvariantCulture) : null;
    }

    private static OrderedDictionary WithId(OrderedDictionary body, long id)
    {
        var copy = new OrderedDictionary();
        foreach (System.Collections.DictionaryEntry entry in body)
        {
            copy[entry.Key] = entry.Value;
        }

        copy["EntityStateId"] = id;

        return copy;
    }

    private sealed record Result(long CompanyId, string DataSource, string EntityType, long EntityId, string? DataSourceKey, DateTimeOffset DataSourceDate, bool IsError, string[] Messages);
}
