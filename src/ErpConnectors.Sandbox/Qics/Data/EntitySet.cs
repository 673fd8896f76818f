using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>One name under /V3/odata: what its rows are and which operations it allows.</summary>
internal abstract class EntitySet(string name, EntitySchema schema)
{
    public string Name => name;

    public EntitySchema Schema => schema;

    /// <summary>GET on the collection answers an OData query (overviews, EntityState).</summary>
    public abstract bool IsQueryable { get; }

    /// <summary>POST, PUT, PATCH and DELETE (detail entities, EntityState).</summary>
    public abstract bool IsWritable { get; }

    /// <summary>A snapshot of the rows, in key order.</summary>
    public abstract IReadOnlyList<Row> Rows();

    public abstract Row? Find(long key);

    /// <summary>The methods this set allows on its collection or on one entity (for 405 and Allow).</summary>
    public IReadOnlyList<string> AllowedMethods(bool entity) => (entity, IsWritable, IsQueryable) switch
    {
        (true, true, _) => [HttpMethods.Get, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete],
        (true, false, _) => [HttpMethods.Get],
        (false, true, true) => [HttpMethods.Get, HttpMethods.Post],
        (false, true, false) => [HttpMethods.Post],
        (false, false, _) => [HttpMethods.Get],
    };
}
