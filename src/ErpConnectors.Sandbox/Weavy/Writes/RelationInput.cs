using System.Text.Json;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Writes;

/// <summary>
/// One entry of a relational dataset's "relations": the target record's TargetFieldName receives the source
/// record's code. Chosen: TargetFieldName must be a foreign key of the target entity that points at the source
/// entity (400 otherwise); the source must exist once the dataset's data is staged (400 InvalidForeignKey at
/// commit), the target must exist or be in the data (400).
/// </summary>
internal sealed record RelationInput(EntityDefinition Source, string SourceCode, EntityDefinition Target, string TargetCode, FieldDefinition TargetField, string Where)
{
    public static RelationInput Read(JsonElement element, string where)
    {
        WeavyBody.ExpectObject(element, where);
        var source = Entities.Named(element, "SourceEntityName", where);
        var sourceCode = element.RequiredString("SourceRowCode", where);
        var target = Entities.Named(element, "TargetEntityName", where);
        var targetCode = element.RequiredString("TargetRowCode", where);
        var fieldName = element.RequiredString("TargetFieldName", where);
        var fieldWhere = WeavyBody.Path(where, "TargetFieldName");
        var field = target.Find(fieldName) ?? throw WeavyErrors.UnknownField(target, fieldName, fieldWhere);
        if (field.RefersTo != source.Name)
        {
            throw WeavyErrors.InvalidValue(fieldWhere, $"'{field.Name}' of {target.Name} is not a foreign key to {source.Name}");
        }

        return new RelationInput(source, sourceCode, target, targetCode, field, where);
    }
}
