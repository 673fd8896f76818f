namespace ErpConnectors.Sandbox.Microbizz.Data;

/// <summary>How a field is read from a POST body and written on the wire.</summary>
internal enum FieldType
{
    /// <summary>The object's key: a positive integer the server assigns.</summary>
    Key,

    /// <summary>A string (or null).</summary>
    Text,

    /// <summary>The id of another object (an integer, or null).</summary>
    Reference,

    /// <summary>true/false.</summary>
    Boolean,

    /// <summary>A timestamp "YYYY-MM-DD HH:MM:SS" (chosen: MySQL's DATETIME text, what PHP APIs usually echo).</summary>
    DateTime,

    /// <summary>A number with decimals.</summary>
    Decimal,

    /// <summary>A file: the file's internal id on read; {"action":"add"|"remove",...} on write.</summary>
    File,

    /// <summary>null or {"object","id"}: the endpoint and id of a related object.</summary>
    RelatedObject,
}

/// <summary>What the handler does for an object name.</summary>
internal enum ObjectKind
{
    /// <summary>Rows with a key: list, one, create, update, delete (as the methods allow).</summary>
    Collection,

    /// <summary>GET answers one object; no id.</summary>
    Single,

    /// <summary>POST does something (cancelsubscription, deviceid); nothing to read back.</summary>
    Action,

    /// <summary>POST login: the one route without a token.</summary>
    Login,
}

/// <param name="References">For <see cref="FieldType.Reference"/>: the object whose key it holds.</param>
/// <param name="Required">Must be given (not null) when the object is created.</param>
/// <param name="ReadOnly">Set by the server; a body that sends it is refused.</param>
internal sealed record FieldDefinition(string Name, FieldType Type, string? References = null, bool Required = false, bool ReadOnly = false);

internal sealed record ObjectDefinition(string Name, ObjectKind Kind, IReadOnlyList<string> Methods, IReadOnlyList<FieldDefinition> Fields)
{
    public FieldDefinition? Key => Fields.FirstOrDefault(f => f.Type == FieldType.Key);

    public FieldDefinition? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    public bool Allows(string method) => Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// The Microbizz GO object table, in one place so a name the contract chose can be corrected in one edit.
/// Object names and methods are the contract's (the document's headings, lower case). Field names are the
/// vendor document's where it lists them (companyname, task_ref, user_ref, company_ref, foreigncompany_ref,
/// outgoing_connection, connection_status, ...): the sandbox answers what the real server answers. Where the
/// document is silent or cut (task after foreigncompany_ref, user, assignment times, notification title and
/// date) the fields are the sandbox's choice: task title/description/status/attachment, user name/email,
/// assignment start/end, notification title/created.
/// </summary>
internal static class MicrobizzObjects
{
    public const string Login = "login";
    public const string Assignment = "assignment";
    public const string Connection = "connection";
    public const string CancelSubscription = "cancelsubscription";
    public const string Company = "company";
    public const string CurrentUser = "currentuser";
    public const string DeviceId = "deviceid";
    public const string ForeignCompany = "foreigncompany";
    public const string Notification = "notification";
    public const string PaymentUrl = "paymenturl";
    public const string SubscriptionInformation = "subscriptioninformation";
    public const string Task = "task";
    public const string User = "user";

    private static readonly string[] Get = [HttpMethods.Get];
    private static readonly string[] Post = [HttpMethods.Post];
    private static readonly string[] GetPost = [HttpMethods.Get, HttpMethods.Post];
    private static readonly string[] GetPostDelete = [HttpMethods.Get, HttpMethods.Post, HttpMethods.Delete];

    private static readonly FieldDefinition[] CompanyFields =
    [
        new("vat_id", FieldType.Text),
        new("companyname", FieldType.Text, Required: true),
        new("branch", FieldType.Text),
        new("address", FieldType.Text),
        new("address2", FieldType.Text),
        new("zip", FieldType.Text),
        new("city", FieldType.Text),
        new("country", FieldType.Text),
        new("phone", FieldType.Text),
        new("email", FieldType.Text),
        new("contactperson", FieldType.Text),
        new("additionaltext", FieldType.Text),
    ];

    public static readonly IReadOnlyList<ObjectDefinition> All =
    [
        new(Login, ObjectKind.Login, Post, []),
        new(Assignment, ObjectKind.Collection, GetPostDelete,
        [
            new("assignment_id", FieldType.Key),
            new("task_ref", FieldType.Reference, References: Task, Required: true),
            new("user_ref", FieldType.Reference, References: User, Required: true),
        ]),
        new(Connection, ObjectKind.Collection, GetPostDelete,
        [
            new("connection_id", FieldType.Key),
            new("company_ref", FieldType.Reference, References: Company, Required: true),
            new("foreigncompany_ref", FieldType.Reference, References: ForeignCompany, Required: true),
            new("outgoing_connection", FieldType.Boolean),
            new("connection_status", FieldType.Text),
            new("text", FieldType.Text),
        ]),
        new(CancelSubscription, ObjectKind.Action, Post, []),
        new(Company, ObjectKind.Collection, GetPost, [new("company_id", FieldType.Key), .. CompanyFields]),
        new(CurrentUser, ObjectKind.Single, Get, []),
        new(DeviceId, ObjectKind.Action, Post,
        [
            new("platform_name", FieldType.Text, Required: true),
            new("device_id_string", FieldType.Text, Required: true),
        ]),
        new(ForeignCompany, ObjectKind.Collection, Get, [new("foreigncompany_id", FieldType.Key), .. CompanyFields]),
        new(Notification, ObjectKind.Collection, GetPostDelete,
        [
            new("notification_id", FieldType.Key),
            new("user_ref", FieldType.Reference, References: User),
            new("text", FieldType.Text, Required: true),
            new("is_read", FieldType.Boolean),
            new("related_object", FieldType.RelatedObject),
        ]),
        new(PaymentUrl, ObjectKind.Single, Get, []),
        new(SubscriptionInformation, ObjectKind.Single, Get, []),
        new(Task, ObjectKind.Collection, GetPost,
        [
            new("task_id", FieldType.Key),
            new("company_ref", FieldType.Reference, References: Company),
            new("foreigncompany_ref", FieldType.Reference, References: ForeignCompany),
            new("title", FieldType.Text, Required: true),
            new("description", FieldType.Text),
            new("status", FieldType.Text),
            new("attachment", FieldType.File),
        ]),
        new(User, ObjectKind.Collection, Get,
        [
            new("user_id", FieldType.Key),
            new("name", FieldType.Text),
            new("email", FieldType.Text),
        ]),
    ];

    /// <summary>
    /// The definition of an object name, or null. Chosen: names match exactly (lower case), as a PHP
    /// dispatcher's string switch would: "Task" is an unknown object.
    /// </summary>
    public static ObjectDefinition? Find(string? name) => All.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));
}
