using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Endpoints;

/// <summary>
/// GET v1/Dictionary/{projectCode}: the entities, [{"entityName","translations"}] (chosen: the document's
/// entity answer without its fields). GET v1/Dictionary/{projectCode}/{entity}: one entity with its fields,
/// as the document's example; an unknown entity is 404.
/// </summary>
internal static class DictionaryEndpoints
{
    public static void Map(WeavyRoutes routes)
    {
        routes.Map(HttpMethods.Get, WeavyRoutes.DictionaryList, _ => Task.FromResult(
            WeavyJson.Answer(WeavyDictionary.Entities.Select(e => new { entityName = e.Name, translations = Labels(e.Translations) }).ToList())));

        routes.Map(HttpMethods.Get, WeavyRoutes.DictionaryEntity, context =>
        {
            var entity = Entities.FromRoute(context);
            return Task.FromResult(WeavyJson.Answer(new
            {
                entityName = entity.Name,
                translations = Labels(entity.Translations),
                fields = entity.Fields.Select(f => new
                {
                    fieldName = f.Name,
                    translations = Labels(f.Translations),
                    fieldType = f.Type.WireName(),
                    fieldLength = f.Length,
                }).ToList(),
            }));
        });
    }

    private static List<object> Labels(IEnumerable<Translation> translations) =>
        [.. translations.Select(t => new { languageCode = t.LanguageCode, text = t.Text })];
}
