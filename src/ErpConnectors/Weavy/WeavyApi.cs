using System;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Weavy;

/// <summary>
/// Everything the Weavy connector knows about the wire, in one place: hosts, routes, limits and record type
/// names. The contract marks several of these as chosen conventions: corrections belong here.
/// </summary>
internal static class WeavyApi
{
    public const string SystemName = "Weavy";

    public static readonly Uri EuropeUri = new("https://api.weavy.divalto.com");
    public static readonly Uri NorthAmericaUri = new("https://swing-ca.swingmobility.com");
    public const string SandboxPath = "weavy";

    /// <summary>Select answers at most 1000 records per call; BulkImport takes at most 1000 rows (chosen, like Select).</summary>
    public const int MaxPageSize = 1000;
    public const int MaxBatchSize = 1000;

    public const string Authenticate = "v1/Authenticate";

    /// <summary>The sign-in's user field, spelt as the production integration sends it (the guide's section is cut).</summary>
    public const string UserNameField = "username";

    public static string Dictionary(string project) => $"v1/Dictionary/{Escape(project)}";

    public static string Dictionary(string project, string entity) => $"v1/Dictionary/{Escape(project)}/{Escape(entity)}";

    public static string Select(string project) => $"v1/Data/{Escape(project)}/Select";

    public static string Records(string project, string entity) => $"v1/Data/{Escape(project)}/{Escape(entity)}";

    public static string Record(string project, string entity, string code) => $"v1/Data/{Escape(project)}/{Escape(entity)}/{Escape(code)}";

    public static string BulkImport(string project) => $"v1/Data/{Escape(project)}/BulkImport";

    public static string ImportDataSet(string project) => $"v1/Data/{Escape(project)}/ImportDataSet";

    public static string RelationalDataSet(string project) => $"v1/Data/{Escape(project)}/RelationalDataSet";

    public static string DeleteDataSet(string project) => $"v1/Data/{Escape(project)}/DeleteDataSet";

    public static string ExportValidation(string project) => $"v1/Data/{Escape(project)}/ExportValidation";

    public static string ExportValidations(string project) => $"v1/Data/{Escape(project)}/ExportValidations";

    /// <summary>Records carry their code in {entity}_ID.</summary>
    public static string CodeField(string entity) => entity + "_ID";

    public const string ChangeStampField = "srvDateUTC";
    public const string ExportField = "srvExport";

    /// <summary>
    /// The change filter, as the production integration writes it (chosen, see docs/wire-reference/weavy.md): the
    /// field srvDate (records carry srvDateUTC; the integration filters srvDate with UTC times), the operator
    /// GreaterThan (the one it confirms; GreaterThanOrEqual is not), so "changed since T" asks srvDate &gt; T - 1 s
    /// at the wire's whole-second precision. The value is in the document's YYYY-MM-DDTHH:MM:SS: unambiguous on
    /// every server, where the integration's "YYYY-MM-DD HH:MM:SS" reads as year-day-month in some SQL languages.
    /// </summary>
    public const string ChangeFilterField = "srvDate";
    public const string ChangeFilterOperator = "GreaterThan";

    public static DateTime ChangeFilterValue(DateTime since)
    {
        DateTime utc = since.Kind == DateTimeKind.Utc ? since : since.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(-1);
    }

    public static string TypeName(string entity) => $"ErpConnectors.Weavy.{entity};{RecordType}";

    public const string RecordType = "ErpConnectors.Weavy.Record";
    public const string EntityType = "ErpConnectors.Weavy.Entity";
    public const string FieldType = "ErpConnectors.Weavy.Field";
    public const string ImportResultType = "ErpConnectors.Weavy.ImportResult";

    /// <summary>
    /// The filter operators Select takes (chosen set, see the contract). The production integration sends
    /// "GreaterThan", "LessThan" and "equal": the server matches them ignoring case, so they are sent in this casing.
    /// </summary>
    public static readonly string[] Operators = { "Equal", "NotEqual", "GreaterThan", "GreaterThanOrEqual", "LessThan", "LessThanOrEqual", "Contains", "StartsWith", "In" };

    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    public static ApiRequest Post(string path, byte[] body, bool idempotent) =>
        new(System.Net.Http.HttpMethod.Post, path) { Body = body, Idempotent = idempotent };
}
