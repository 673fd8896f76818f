using System.Globalization;
using ErpConnectors.Sandbox.Qics.Http;
using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>
/// EntityState's rules. From the document: EntityType is one of its list; one record per (CompanyId,
/// DataSource, EntityType, EntityId); EntityId 0 is allowed (accepted for every type: the entity may not
/// exist yet). Chosen: a second record for a combination is 409 naming the existing EntityStateId (in the
/// message and as the target "EntityState(id)"), on POST and on a PUT/PATCH that would make one; DataSource
/// compares case-insensitively there (SQL Server collation); EntityType is exact (400 listing the values);
/// EntityId below 0, a blank DataSource or a CompanyId that is not one of the tenant's companies are 400.
/// EntityId is not checked against the entity (it points at any of ~50 types, so no foreign key holds it).
/// </summary>
internal sealed class EntityStateRules : TableRules
{
    public override void CheckWrite(QicsDatabase database, Row row, long? key)
    {
        var entityType = (string)row["EntityType"]!;
        if (!EntityStateTypes.All.Contains(entityType, StringComparer.Ordinal))
        {
            var near = EntityStateTypes.All.FirstOrDefault(t => string.Equals(t, entityType, StringComparison.OrdinalIgnoreCase));
            throw QicsErrors.BadRequest(
                $"EntityType '{entityType}' is not one of the entity types{(near is null ? string.Empty : $" (the spelling is '{near}')")}: {string.Join(" | ", EntityStateTypes.All)}.",
                "EntityType");
        }

        var entityId = (long)row["EntityId"]!;
        if (entityId < 0)
        {
            throw QicsErrors.BadRequest(string.Create(CultureInfo.InvariantCulture, $"EntityId {entityId} is not valid: an entity id, or 0 when the entity does not exist (yet)."), "EntityId");
        }

        var companyId = (long)row["CompanyId"]!;
        if (!QicsDatabase.CompanyIds.Contains(companyId))
        {
            throw QicsErrors.BadRequest(
                string.Create(CultureInfo.InvariantCulture, $"CompanyId {companyId} is not a company of this tenant: {string.Join(", ", QicsDatabase.CompanyIds)}."),
                "CompanyId");
        }

        var dataSource = (string)row["DataSource"]!;
        if (string.IsNullOrWhiteSpace(dataSource))
        {
            throw QicsErrors.BadRequest("DataSource must name the data source (it is empty).", "DataSource");
        }

        var existing = database.EntityStates.Rows.FirstOrDefault(r =>
            r.Key(Schemas.EntityState) != key
            && (long)r["CompanyId"]! == companyId
            && ODataValues.Strings.Equals((string)r["DataSource"]!, dataSource)
            && (string)r["EntityType"]! == entityType
            && (long)r["EntityId"]! == entityId);
        if (existing is not null)
        {
            var existingId = existing.Key(Schemas.EntityState);
            throw QicsErrors.Conflict(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"An EntityState for CompanyId {companyId}, DataSource '{dataSource}', EntityType '{entityType}', EntityId {entityId} already exists: EntityStateId {existingId}. There is one record per (CompanyId, DataSource, EntityType, EntityId): update it with PUT EntityState({existingId})."),
                string.Create(CultureInfo.InvariantCulture, $"EntityState({existingId})"));
        }
    }
}
