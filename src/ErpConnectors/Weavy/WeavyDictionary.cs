using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Weavy;

/// <summary>
/// The project's data dictionary (entities, their fields), read once per connection and kept: completers and the
/// filter checks use it without a call each time.
/// </summary>
internal static class WeavyDictionary
{
    private sealed class Cache
    {
        public object?[]? Entities;
        public readonly ConcurrentDictionary<string, PSObject> Fields = new(StringComparer.OrdinalIgnoreCase);
    }

    private static readonly ConditionalWeakTable<ConnectionRuntime, Cache> s_caches = new();

    public static async Task<object?[]> EntitiesAsync(ConnectionRuntime runtime, string project, ICallOutput? output, CancellationToken token)
    {
        Cache cache = s_caches.GetOrCreateValue(runtime);
        if (Volatile.Read(ref cache.Entities) is { } known)
        {
            return known;
        }

        object? answer = await runtime.SendForValueAsync(ApiRequest.Get(WeavyApi.Dictionary(project)), WeavyApi.EntityType, output, token).ConfigureAwait(false);
        object?[] entities = answer as object?[] ?? (answer is null ? Array.Empty<object?>() : new[] { answer });
        foreach (PSObject entity in entities.OfType<PSObject>())
        {
            AddLabel(entity);
        }

        Volatile.Write(ref cache.Entities, entities);
        return entities;
    }

    public static async Task<PSObject?> EntityAsync(ConnectionRuntime runtime, string project, string entity, ICallOutput? output, CancellationToken token)
    {
        Cache cache = s_caches.GetOrCreateValue(runtime);
        if (cache.Fields.TryGetValue(entity, out PSObject? known))
        {
            return known;
        }

        object? answer = await runtime.SendForValueAsync(ApiRequest.Get(WeavyApi.Dictionary(project, entity)), WeavyApi.EntityType, output, token).ConfigureAwait(false);
        if (answer is not PSObject description)
        {
            return null;
        }

        AddLabel(description);
        if (description.Properties["fields"]?.Value is object?[] fields)
        {
            foreach (PSObject field in fields.OfType<PSObject>())
            {
                field.TypeNames.Insert(0, WeavyApi.FieldType);
                AddLabel(field);
            }
        }

        cache.Fields[entity] = description;
        return description;
    }

    /// <summary>What the cache holds now (completers must not wait on the network).</summary>
    public static IEnumerable<string> KnownEntities(ConnectionRuntime runtime) =>
        s_caches.TryGetValue(runtime, out Cache? cache) && Volatile.Read(ref cache.Entities) is { } entities
            ? entities.OfType<PSObject>().Select(e => e.Properties["entityName"]?.Value?.ToString() ?? string.Empty).Where(n => n.Length > 0)
            : Enumerable.Empty<string>();

    public static IEnumerable<string>? KnownFields(ConnectionRuntime runtime, string entity) =>
        s_caches.TryGetValue(runtime, out Cache? cache) && cache.Fields.TryGetValue(entity, out PSObject? description) ? FieldNames(description) : null;

    public static IEnumerable<string> FieldNames(PSObject description) =>
        (description.Properties["fields"]?.Value as object?[] ?? Array.Empty<object?>()).OfType<PSObject>()
            .Select(f => f.Properties["fieldName"]?.Value?.ToString() ?? string.Empty).Where(n => n.Length > 0);

    // "label": the translation in the session's UI language, else English, else the first one.
    private static void AddLabel(PSObject item)
    {
        var translations = (item.Properties["translations"]?.Value as object?[] ?? Array.Empty<object?>()).OfType<PSObject>()
            .Select(t => (Language: t.Properties["languageCode"]?.Value?.ToString() ?? string.Empty, Text: t.Properties["text"]?.Value?.ToString()))
            .ToList();
        string language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        string? label = translations.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase)).Text
            ?? translations.FirstOrDefault(t => string.Equals(t.Language, "EN", StringComparison.OrdinalIgnoreCase)).Text
            ?? translations.Select(t => t.Text).FirstOrDefault();
        item.Properties.Add(new PSNoteProperty("label", label));
    }
}
