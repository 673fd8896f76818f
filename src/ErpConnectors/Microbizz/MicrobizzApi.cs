using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;

namespace ErpConnectors.Microbizz;

/// <summary>
/// Everything the Microbizz connector knows about the wire, in one place. The object table is the contract's
/// (object names are the document's headings, chosen): the one place object names, their methods and keys live.
/// </summary>
internal static class MicrobizzApi
{
    public const string SystemName = "Microbizz";

    public static readonly Uri ProductionUri = new("https://go-api.microbizz.dk/api.php");
    public const string SandboxPath = "microbizz/api.php";

    public const string Login = "login";

    /// <summary>A task's statuses, in their order of life (completion of -Status).</summary>
    public static readonly string[] TaskStatuses = { "NEW", "ACCEPTED", "STARTED", "DONE", "REJECTED" };

    /// <summary>The token travels as this cookie, never in a URL.</summary>
    public const string TokenCookie = "access_token";

    public const string IncludeBinaryData = "include_binary_data";

    public static readonly IReadOnlyList<MicrobizzObject> Objects = new[]
    {
        new MicrobizzObject("assignment", "assignment_id", "GET", "POST", "DELETE"),
        new MicrobizzObject("connection", "connection_id", "GET", "POST", "DELETE"),
        new MicrobizzObject("cancelsubscription", null, "POST"),
        new MicrobizzObject("company", "company_id", "GET", "POST"),
        new MicrobizzObject("currentuser", null, "GET"),
        new MicrobizzObject("deviceid", null, "POST"),
        new MicrobizzObject("foreigncompany", "foreigncompany_id", "GET"),
        new MicrobizzObject("notification", "notification_id", "GET", "POST", "DELETE"),
        new MicrobizzObject("paymenturl", null, "GET"),
        new MicrobizzObject("subscriptioninformation", null, "GET"),
        new MicrobizzObject("task", "task_id", "GET", "POST"),
        new MicrobizzObject("user", "user_id", "GET"),
    };

    public static MicrobizzObject? Find(string type) =>
        Objects.FirstOrDefault(o => string.Equals(o.Name, type, StringComparison.OrdinalIgnoreCase));

    public static string Route(string type, string? id = null) =>
        id is null ? Uri.EscapeDataString(type) : $"{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(id)}";

    /// <summary>A piped value's id: a plain value is the id; a record names it with its key field (task_id...) or Id.</summary>
    public static string? IdOf(System.Management.Automation.PSObject item, string type)
    {
        object? bare = item.BaseObject;
        if (bare is string or IConvertible)
        {
            return Convert.ToString(bare, System.Globalization.CultureInfo.InvariantCulture);
        }

        string? key = Find(type)?.Key;
        object? value = (key is null ? null : item.Properties[key]?.Value) ?? item.Properties["Id"]?.Value;
        return value is null ? null : Convert.ToString(System.Management.Automation.PSObject.AsPSObject(value).BaseObject, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string TypeName(string type) => $"ErpConnectors.Microbizz.{type};{RecordType}";

    public const string RecordType = "ErpConnectors.Microbizz.Record";

    // The specific type names the typed cmdlets declare ([OutputType] needs constants); TypeName(type) gives them.
    public const string TaskType = "ErpConnectors.Microbizz.task";
    public const string CompanyType = "ErpConnectors.Microbizz.company";
    public const string ForeignCompanyType = "ErpConnectors.Microbizz.foreigncompany";
    public const string ConnectionType = "ErpConnectors.Microbizz.connection";
    public const string NotificationType = "ErpConnectors.Microbizz.notification";
    public const string AssignmentType = "ErpConnectors.Microbizz.assignment";
    public const string UserType = "ErpConnectors.Microbizz.user";
    public const string SubscriptionType = "ErpConnectors.Microbizz.subscriptioninformation";

    /// <summary>The task's file field (the document's task field list is cut; the contract chose this name).</summary>
    public const string TaskAttachment = "attachment";
}

/// <summary>One object of the table: its name, its key field and the HTTP methods it allows.</summary>
internal sealed class MicrobizzObject
{
    public MicrobizzObject(string name, string? key, params string[] methods)
    {
        Name = name;
        Key = key;
        Methods = methods;
    }

    public string Name { get; }

    public string? Key { get; }

    public IReadOnlyList<string> Methods { get; }

    public bool Allows(HttpMethod method) => Methods.Contains(method.Method, StringComparer.OrdinalIgnoreCase);
}
