using ErpConnectors.Sandbox.Qics.OData;

namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>
/// The entity types the sandbox emulates. The vendor's metadata is not public, so the properties are the ones
/// the contract names plus a few sensible ones (chosen); each key is an Edm.Int64 assigned by the server.
/// </summary>
internal static class Schemas
{
    public static readonly EntitySchema Customer = new("Customer",
    [
        Key("CustomerId"),
        new("Code", EdmType.String),
        new("Name", EdmType.String, Nullable: false, Required: true),
        new("Email", EdmType.String),
        new("City", EdmType.String),
        new("IsActive", EdmType.Boolean, Nullable: false, Default: true),
        new("CreatedOn", EdmType.DateTimeOffset, Nullable: false, Computed: true),
    ]);

    public static readonly EntitySchema Employee = new("Employee",
    [
        Key("EmployeeId"),
        new("Code", EdmType.String),
        new("FirstName", EdmType.String),
        new("LastName", EdmType.String, Nullable: false, Required: true),
        new("Email", EdmType.String),
        new("IsActive", EdmType.Boolean, Nullable: false, Default: true),
    ]);

    public static readonly EntitySchema Project = new("Project",
    [
        Key("ProjectId"),
        new("Code", EdmType.String),
        new("Name", EdmType.String, Nullable: false, Required: true),
        new("CustomerId", EdmType.Int64, Nullable: false, Required: true),
        new("StartDate", EdmType.DateTimeOffset),
        new("Budget", EdmType.Decimal, Nullable: false, Default: 0m),
    ]);

    public static readonly EntitySchema Item = new("Item",
    [
        Key("ItemId"),
        new("Code", EdmType.String, Nullable: false, Required: true),
        new("Description", EdmType.String),
        new("Price", EdmType.Decimal, Nullable: false, Default: 0m),
    ]);

    /// <summary>
    /// The document's property table. Required as the vendor's help pages mark it (V3 POST EntityState, V2 PUT
    /// EntityState({key})): EntityStateId (0 on a POST), DataSource, DataSourceDate and IsError must be in the
    /// body of a POST or PUT; ASP.NET Web API refuses a body without a [Required] value-typed property.
    /// </summary>
    public static readonly EntitySchema EntityState = new("EntityState",
    [
        Key("EntityStateId", required: true),
        new("CompanyId", EdmType.Int64, Nullable: false, Required: true),
        new("DataSource", EdmType.String, Nullable: false, Required: true),
        new("EntityType", EdmType.String, Nullable: false, Required: true),
        new("EntityId", EdmType.Int64, Nullable: false, Required: true),
        new("DataSourceKey", EdmType.String),
        new("DataSourceDate", EdmType.DateTimeOffset, Required: true),
        new("IsError", EdmType.Boolean, Nullable: false, Required: true, Default: false),
        new("Message", EdmType.String),
    ]);

    /// <summary>The customer's own properties and two about its projects.</summary>
    public static readonly EntitySchema OverviewCustomer = Overview(Customer,
    [
        new("ProjectCount", EdmType.Int64, Nullable: false, Computed: true),
        new("TotalBudget", EdmType.Decimal, Nullable: false, Computed: true),
    ]);

    public static readonly EntitySchema OverviewEmployee = Overview(Employee,
    [
        new("FullName", EdmType.String, Computed: true),
    ]);

    public static readonly EntitySchema OverviewProject = Overview(Project,
    [
        new("CustomerCode", EdmType.String, Computed: true),
        new("CustomerName", EdmType.String, Computed: true),
    ]);

    public static readonly EntitySchema OverviewItem = Overview(Item, []);

    private static EdmProperty Key(string name, bool required = false) => new(name, EdmType.Int64, Nullable: false, Required: required, Computed: true);

    private static EntitySchema Overview(EntitySchema detail, IReadOnlyList<EdmProperty> related) =>
        new("Overview" + detail.Name, [.. detail.Properties, .. related]);
}
